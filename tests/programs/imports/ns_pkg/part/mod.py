WHAT = "namespace part module"
