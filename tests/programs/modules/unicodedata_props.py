# unicodedata: properties, names, lookup, normal forms and their errors (Unicode 14.0.0).
import unicodedata as u

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

chars = 'aZ5 \t\u00e9\u0301\u00bd\u00b2\u0663\u2167\u4e00\uac00\U0001F600\u200b\u05d0\u0627\u3000\uff21\ufb01\u2028\U00010400'
for c in chars:
    print('U+%04X' % ord(c), u.category(c), u.bidirectional(c), u.combining(c), u.east_asian_width(c),
          u.mirrored(c), repr(u.decomposition(c)), u.name(c, '?'), u.decimal(c, None), u.digit(c, None),
          u.numeric(c, None))
for name in ['LATIN SMALL LETTER A', 'latin small letter a', 'SNOWMAN', 'HANGUL SYLLABLE GAG',
             'CJK UNIFIED IDEOGRAPH-4E00', 'LATIN CAPITAL LETTER A WITH MACRON AND GRAVE', 'xyz']:
    t('lookup ' + name, lambda: u.lookup(name))
for form in ['NFC', 'NFD', 'NFKC', 'NFKD']:
    for s in ['caf\u00e9', 'cafe\u0301', '\ufb01le', '\u1e9b\u0323', '\uac00\u11a8', 'abc', '']:
        print(form, ascii(s), ascii(u.normalize(form, s)), u.is_normalized(form, s))
t('name none', lambda: u.name('\x00'))
t('name default', lambda: u.name('\x00', 5))
t('decimal', lambda: u.decimal('a'))
t('digit', lambda: u.digit('a'))
t('numeric', lambda: u.numeric('x'))
t('category long', lambda: u.category('ab'))
t('category int', lambda: u.category(5))
t('name int', lambda: u.name(5))
t('normalize form', lambda: u.normalize('XX', 'a'))
t('normalize int', lambda: u.normalize('NFC', 5))
print(u.unidata_version, u.ucd_3_2_0.unidata_version, type(u.ucd_3_2_0), u.ucd_3_2_0.category('a'),
      u.ucd_3_2_0.normalize('NFC', 'e\u0301'))
