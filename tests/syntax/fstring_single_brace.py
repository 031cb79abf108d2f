x = f"a}"
