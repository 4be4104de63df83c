"""The G family: grammar and spelling from a LanguageTool server."""
