"""Django settings for a production deployment."""
import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = True  # vuln: debug-enabled
TEMPLATE_DEBUG = True  # vuln: debug-enabled
ALLOWED_HOSTS = ["shop.example.com"]
DEBUG_PROPAGATE_EXCEPTIONS = False  # safe: debug-enabled
