// tests/unit/source_test.cpp -- decode_source: BOM, coding cookies, newlines and CPython's errors.
#include <gtest/gtest.h>

#include <string>

#include "interp/parse/source.h"

namespace tpy::parse {
namespace {

// Decoded text, or "error: MSG" (with the location when there is one).
std::string decode(std::string_view bytes, SourceOrigin origin = SourceOrigin::File,
                   SourceInfo* info = nullptr) {
  std::string out;
  SyntaxErrorInfo err;
  if (decode_source(bytes, "dir/f.py", origin, out, err, info)) return out;
  EXPECT_EQ(err.filename, "dir/f.py");
  EXPECT_EQ(err.lineno, 0);
  EXPECT_EQ(err.offset, origin == SourceOrigin::String ? -1 : 0);
  EXPECT_EQ(err.text, "");
  return "error: " + err.msg;
}

std::string decode_string(std::string_view bytes) { return decode(bytes, SourceOrigin::String); }

TEST(DecodeSource, Utf8PassesThrough) {
  SourceInfo info;
  EXPECT_EQ(decode("x = '\xc3\xa9'\n", SourceOrigin::File, &info), "x = '\xc3\xa9'\n");
  EXPECT_FALSE(info.declared_encoding);
  EXPECT_EQ(decode(""), "");
}

TEST(DecodeSource, NewlinesAreNormalised) {
  EXPECT_EQ(decode("a\r\nb\rc\n\r\r\nd"), "a\nb\nc\n\n\nd");
  EXPECT_EQ(decode("x = '''\r\n'''\r"), "x = '''\n'''\n");
}

TEST(DecodeSource, BomIsRemoved) {
  SourceInfo info;
  EXPECT_EQ(decode("\xef\xbb\xbfx = 1\n", SourceOrigin::File, &info), "x = 1\n");
  EXPECT_TRUE(info.declared_encoding);
  EXPECT_EQ(decode("\xef\xbb\xbf# coding: utf-8\nx\n"), "# coding: utf-8\nx\n");
  EXPECT_EQ(decode("\xef\xbb\xbf# -*- coding: UTF_8 -*-\n"), "# -*- coding: UTF_8 -*-\n");
  // With a BOM, undecodable bytes are left to the string-literal decoder, as in CPython.
  EXPECT_EQ(decode("\xef\xbb\xbfx = '\xff'\n"), "x = '\xff'\n");
}

TEST(DecodeSource, BomWithAnotherCookie) {
  EXPECT_EQ(decode("\xef\xbb\xbf# coding: latin-1\n"),
            "error: encoding problem: iso-8859-1 with BOM");
  EXPECT_EQ(decode("\xef\xbb\xbf# coding: utf8\n"), "error: encoding problem: utf8 with BOM");
  EXPECT_EQ(decode("\xef\xbb\xbf\n# coding: foo\n"), "error: encoding problem: foo with BOM");
  EXPECT_EQ(decode_string("\xef\xbb\xbf# coding: foo\n"),
            "error: encoding problem: foo with BOM");
}

TEST(DecodeSource, Latin1Cookie) {
  SourceInfo info;
  EXPECT_EQ(decode("# -*- coding: latin-1 -*-\nx = '\xe9\xff'\n", SourceOrigin::File, &info),
            "# -*- coding: latin-1 -*-\nx = '\xc3\xa9\xc3\xbf'\n");
  EXPECT_TRUE(info.declared_encoding);
  // The second line counts when the first holds only a comment or blanks.
  EXPECT_EQ(decode("#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-1 :\n'\xe9'\n"),
            "#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-1 :\n'\xc3\xa9'\n");
  EXPECT_EQ(decode("  \t\n#coding=Latin_1-foo\n'\xe9'\n"),
            "  \t\n#coding=Latin_1-foo\n'\xc3\xa9'\n");
  // Python's codec registry knows latin-1 under other names too.
  EXPECT_EQ(decode("# coding: L1\n'\xe9'\n"), "# coding: L1\n'\xc3\xa9'\n");
  EXPECT_EQ(decode("# coding: ISO_8859-1:1987\n'\xe9'\n"),
            "# coding: ISO_8859-1:1987\n'\xc3\xa9'\n");
  EXPECT_EQ(decode_string("# coding: cp819\n'\xe9'\n"), "# coding: cp819\n'\xc3\xa9'\n");
}

TEST(DecodeSource, CookieOnlyInAComment) {
  // Not a cookie: code on line 1 stops the search; a cookie on line 3 is too late.
  EXPECT_EQ(decode("x = 1  # coding: latin-1\n'\xe9'\n"),
            "error: Non-UTF-8 code starting with '\\xe9' in file dir/f.py on line 2, but no "
            "encoding declared; see https://peps.python.org/pep-0263/ for details");
  EXPECT_EQ(decode("x = 1\n# coding: foo\n"), "x = 1\n# coding: foo\n");
  EXPECT_EQ(decode("\n\n# coding: foo\n"), "\n\n# coding: foo\n");
  EXPECT_EQ(decode("# coding foo\n"), "# coding foo\n");
  EXPECT_EQ(decode("# coding: \n"), "# coding: \n");
}

TEST(DecodeSource, Utf8Cookie) {
  SourceInfo info;
  EXPECT_EQ(decode("# coding: utf-8\nx\n", SourceOrigin::File, &info), "# coding: utf-8\nx\n");
  EXPECT_TRUE(info.declared_encoding);
  // A cookie that names utf-8 the way CPython spells it is not checked by the decoder.
  EXPECT_EQ(decode("# coding: utf_8\n'\xff'\n"), "# coding: utf_8\n'\xff'\n");
  EXPECT_EQ(decode("# coding: UTF-8-sig\n'\xff'\n"), "# coding: UTF-8-sig\n'\xff'\n");
  // Another spelling goes through the codec, which is strict.
  EXPECT_EQ(decode("# coding: utf8\n'\xc3\xa9'\n"), "# coding: utf8\n'\xc3\xa9'\n");
  EXPECT_EQ(decode("# coding: UTF8\n'\xff'\n"), "error: encoding problem: UTF8");
  EXPECT_EQ(decode_string("# coding: utf8\nx = 1 # \xe2\x82 \n"),
            "error: 'utf-8' codec can't decode bytes in position 23-24: invalid continuation byte");
}

TEST(DecodeSource, AsciiCookie) {
  EXPECT_EQ(decode("# coding: ascii\nx = 1\n"), "# coding: ascii\nx = 1\n");
  EXPECT_EQ(decode("# coding: us-ascii\nx = '\xff'\n"), "error: encoding problem: us-ascii");
  EXPECT_EQ(decode_string("# coding: ascii\nx = \"\xff\"\n"),
            "error: 'ascii' codec can't decode byte 0xff in position 21: ordinal not in "
            "range(128)");
  // A file decodes only what follows the cookie's line.
  EXPECT_EQ(decode("# coding: ascii \xe9\nx = 1\n"), "# coding: ascii \xe9\nx = 1\n");
}

TEST(DecodeSource, UnknownEncoding) {
  EXPECT_EQ(decode("# coding: foo\n"), "error: encoding problem: foo");
  EXPECT_EQ(decode("# -*- coding: cp1252 -*-\n"), "error: encoding problem: cp1252");
  EXPECT_EQ(decode_string("# coding: foo\n"), "error: unknown encoding: foo");
  EXPECT_EQ(decode_string("\n# coding: Foo.Bar\n"), "error: unknown encoding: Foo.Bar");
}

TEST(DecodeSource, NonUtf8WithoutDeclaration) {
  const char* tail =
      ", but no encoding declared; see https://peps.python.org/pep-0263/ for details";
  EXPECT_EQ(decode("x = '\xff'\n"),
            std::string("error: Non-UTF-8 code starting with '\\xff' in file dir/f.py on line 1") +
                tail);
  EXPECT_EQ(decode("x = 1\r\ny = 2\r\n# \xc3\n"),
            std::string("error: Non-UTF-8 code starting with '\\xc3' in file dir/f.py on line 3") +
                tail);
  // Overlong forms and surrogates are not UTF-8 either.
  EXPECT_EQ(decode("# \xc0\x80\n"),
            std::string("error: Non-UTF-8 code starting with '\\xc0' in file dir/f.py on line 1") +
                tail);
  EXPECT_EQ(decode("# \xed\xa0\x80\n"),
            std::string("error: Non-UTF-8 code starting with '\\xed' in file dir/f.py on line 1") +
                tail);
  // Line 1 is read, and checked, before line 2's cookie applies.
  EXPECT_EQ(decode("# \xff\n# coding: latin-1\n"),
            std::string("error: Non-UTF-8 code starting with '\\xff' in file dir/f.py on line 1") +
                tail);
  // compile() of bytes passes such text on.
  EXPECT_EQ(decode_string("x = '\xff'\n"), "x = '\xff'\n");
}

TEST(DecodeSource, ShortFormNamesTheFileFromErr) {
  std::string out;
  SyntaxErrorInfo err;
  err.filename = "prog.py";
  ASSERT_FALSE(decode_source("\xff", out, err));
  EXPECT_EQ(err.msg,
            "Non-UTF-8 code starting with '\\xff' in file prog.py on line 1, but no encoding "
            "declared; see https://peps.python.org/pep-0263/ for details");
  EXPECT_EQ(err.filename, "prog.py");
  EXPECT_EQ(err.type, SyntaxErrorInfo::Type::SyntaxError);
  SyntaxErrorInfo ok;
  ASSERT_TRUE(decode_source("x\r\n", out, ok));
  EXPECT_EQ(out, "x\n");
}

TEST(Utf8Helpers, ErrorMessages) {
  std::string msg;
  EXPECT_FALSE(utf8_error_message("abc \xc3\xa9 \xf0\x9f\x90\x8d", msg));
  ASSERT_TRUE(utf8_error_message("ab\xff", msg));
  EXPECT_EQ(msg, "'utf-8' codec can't decode byte 0xff in position 2: invalid start byte");
  ASSERT_TRUE(utf8_error_message("\xc3\xa9" "ab\xe2\x82" "c", msg));
  EXPECT_EQ(msg, "'utf-8' codec can't decode bytes in position 4-5: invalid continuation byte");
  ASSERT_TRUE(utf8_error_message("x\xe2\x82", msg));
  EXPECT_EQ(msg, "'utf-8' codec can't decode bytes in position 1-2: unexpected end of data");
  ASSERT_TRUE(utf8_error_message("\xed\xa0\x80", msg));
  EXPECT_EQ(msg, "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte");
  ASSERT_TRUE(utf8_error_message("\xf4\x90\x80\x80", msg));
  EXPECT_EQ(msg, "'utf-8' codec can't decode byte 0xf4 in position 0: invalid continuation byte");
}

TEST(Utf8Helpers, Replace) {
  EXPECT_EQ(utf8_replace_invalid("a\xc3\xa9"), "a\xc3\xa9");
  // One U+FFFD per maximal invalid subpart, as bytes.decode('utf-8', 'replace').
  EXPECT_EQ(utf8_replace_invalid("\xe2\x82x\xff\xed\xa0\x80"),
            "\xef\xbf\xbdx\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
  EXPECT_EQ(utf8_count_replace("a\xc3\xa9\xe2\x82\xac"), 3u);
  EXPECT_EQ(utf8_count_replace("\xe2\x82x\xff\xed\xa0\x80"), 6u);
  EXPECT_EQ(utf8_count_replace(""), 0u);
}

}  // namespace
}  // namespace tpy::parse
