"""How Aspire's records read: the words for a target and progress (`measure.py`), the display
rules for what a person typed (`text.py`), the Markdown career plan (`plan.py`), where a goal
chart puts its ticks (`chart_ticks.py`) and what a review's changes are called
(`review_actions.py`).

Built on the domain alone (no Textual, Rich or TinyDB, no store): the use cases, the screens
and the command line call it; the domain and the store never do.
"""
