d = {a: b, f ()_capi.error*: g () ,}
