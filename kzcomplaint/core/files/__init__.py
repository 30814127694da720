"""Where the app's files live (shipped data, the user's folders) and how they are written safely."""
