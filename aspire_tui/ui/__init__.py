"""Everything the person sees: the app, its screens, dialogs and widgets."""
