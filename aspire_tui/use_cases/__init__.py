"""What a person does, once: each use case is a function that the screens, the review and the
command line all call, so a rule or a step is never written twice. Use cases speak to the store
and the domain, never to Textual."""
