"""The pages of the reminders app: the list and marking one as handled."""
