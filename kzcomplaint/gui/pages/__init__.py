"""The pages of the complaint wizard, in the order a user meets them."""
