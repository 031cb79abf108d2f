try:
    from .first import done
except ImportError as e:
    print("ImportError:", e)
