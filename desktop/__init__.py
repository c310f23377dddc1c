"""The Qt application and the command line of Recovery Desk."""

__version__ = "0.1.0"
