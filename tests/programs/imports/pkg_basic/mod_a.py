print("mod_a running as", __name__)
value_a = 41 + 1
hidden = "not exported"
