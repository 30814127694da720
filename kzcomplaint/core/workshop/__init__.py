"""Workshop mode: scenario packs, a participant's exercise and its score, the trainer's results."""
