# Resident intake prompts (issue 4).
