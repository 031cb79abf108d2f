if True:
    s = "éé" +
