"""The edition model: every source read once, validated, with file and line (pure)."""
