print("pkg_main init")
