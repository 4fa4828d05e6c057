"""CommonMark with front matter: the positioned block parse that the Markdown and MDX formats share."""
