# Staff and supervisor prompts (issue 4).
