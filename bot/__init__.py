"""newsbot's core: the article store, who-said-what extraction and cited answers."""
