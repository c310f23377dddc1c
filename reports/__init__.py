"""Reports, in the order the data flows: rules -> datasets -> tables -> render -> outputs.

Each subpackage imports only those before it (tests/test_layers.py).
"""
