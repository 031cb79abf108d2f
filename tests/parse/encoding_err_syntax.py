# coding: koi8-r
переменная = (1 +
