"""Django settings that read DEBUG from the environment."""
import os

DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"  # safe: debug-enabled
