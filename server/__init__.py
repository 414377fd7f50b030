"""The web application: the JSON API (``api/``) and the pages (``web/``) mounted on one FastAPI app,
both calling the service layer. This is the only module that knows both."""
