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
  EXPECT_EQ(decode("# -*- coding: cp-1252 -*-\n"), "error: encoding problem: cp-1252");
  EXPECT_EQ(decode_string("# coding: foo\n"), "error: unknown encoding: foo");
  EXPECT_EQ(decode_string("\n# coding: Foo.Bar\n"), "error: unknown encoding: Foo.Bar");
}

// -- Codecs beyond UTF-8 and Latin-1 (codecs.cpp) -------------------------------------------------

TEST(DecodeSource, SingleByteCodecs) {
  const char* koi8 = "# -*- coding: koi8-r -*-\nx = '\xf0\xd2\xc9\xd7\xc5\xd4'\n";
  const char* text =
      "# -*- coding: koi8-r -*-\nx = '\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82'\n";
  EXPECT_EQ(decode(koi8), text);
  EXPECT_EQ(decode_string(koi8), text);
  EXPECT_EQ(decode("\n# coding: mac-roman\nx = '\x80'\n"),
            "\n# coding: mac-roman\nx = '\xc3\x84'\n");
  EXPECT_EQ(decode("# coding: cp1252\nx = '\x80'\n"), "# coding: cp1252\nx = '\xe2\x82\xac'\n");
  // A byte the code page leaves undefined.
  EXPECT_EQ(decode("# coding: cp1252\nx = '\x81'\n"), "error: encoding problem: cp1252");
  EXPECT_EQ(decode_string("# coding: cp1252\nx = '\x81'\n"),
            "error: 'charmap' codec can't decode byte 0x81 in position 22: character maps to "
            "<undefined>");
}

TEST(DecodeSource, MultibyteCodecs) {
  // From CPython's test_source_encoding.
  EXPECT_EQ(decode_string("# coding: cp932\nprint '\x94\x4e'"),
            "# coding: cp932\nprint '\xe5\xb9\xb4'");
  EXPECT_EQ(decode("# coding: cp949\na = \"\xaa\xa7\"\n"),
            "# coding: cp949\na = \"\xe3\x81\x87\"\n");
  // compile() adds the final newline before it decodes, so the lead byte has a bad trail.
  EXPECT_EQ(decode_string("# coding: shift_jis\n\x81"),
            "error: 'shift_jis' codec can't decode byte 0x81 in position 20: illegal multibyte "
            "sequence");
}

TEST(DecodeSource, CodecsThatAreNotTextOrFail) {
  EXPECT_EQ(decode("# coding: hex\nx = 1\n"), "error: encoding problem: hex");
  EXPECT_EQ(decode_string("# coding: hex\nx = 1\n"),
            "error: 'hex' is not a text encoding; use codecs.decode() to handle arbitrary codecs");
  EXPECT_EQ(decode("# coding: Undefined\nx = 1\n"), "error: encoding problem: Undefined");
  EXPECT_EQ(decode_string("# coding: Undefined\nx = 1\n"),
            "error: decoding with 'Undefined' codec failed (UnicodeError: undefined encoding)");
  // A file decodes from the cookie's newline on: as UTF-16 that never starts with a BOM.
  EXPECT_EQ(decode("# coding: utf-16\nx = 1\n"), "error: encoding problem: utf-16");
  EXPECT_EQ(decode_string("# coding: utf-16\nx = 1\n"),
            "error: 'utf-16-le' codec can't decode byte 0x0a in position 22: truncated data");
  EXPECT_EQ(decode("# coding: utf-7\nx = a + b\n"), "error: encoding problem: utf-7");
  EXPECT_EQ(decode_string("# coding: utf-7\nx = a + b\n"),
            "error: 'utf7' codec can't decode bytes in position 22-23: ill-formed sequence");
  // Left out of tpy (docs/differences.md): CPython decodes these.
  EXPECT_EQ(decode("# coding: iso2022_jp\nx = 1\n"), "error: encoding problem: iso2022_jp");
  EXPECT_EQ(decode_string("# coding: punycode\n"), "error: unknown encoding: punycode");
}

TEST(DecodeSource, NulBytesSkipCompileDecoding) {
  // compile() rejects NUL bytes before it decodes; the tokenizer reports them.
  EXPECT_EQ(decode_string(std::string_view("# coding: foo\nx = '\0'\n", 22)),
            std::string_view("# coding: foo\nx = '\0'\n", 22));
}

// A file's decoding error after the first line it skips: located, as the tokenizer meets it.
SyntaxErrorInfo file_error(std::string_view bytes) {
  std::string out;
  SyntaxErrorInfo err;
  EXPECT_FALSE(decode_source(bytes, "f.py", SourceOrigin::File, out, err));
  EXPECT_EQ(err.filename, "f.py");
  EXPECT_EQ(err.offset, 0);
  EXPECT_EQ(err.end_offset, -1);
  EXPECT_EQ(err.end_lineno, err.lineno);
  return err;
}

TEST(DecodeSource, FileErrorsAfterTheFirstChunk) {
  // io.TextIOWrapper decodes 8192-byte chunks from the cookie's newline on; the third one
  // fails, after line 2731 (the last complete line of the second).
  std::string src = "# coding: ascii\n";
  for (int i = 0; i < 3000; i++) src += "x = 1\n";
  src += "y = '\xff'\n";
  SyntaxErrorInfo e = file_error(src);
  EXPECT_EQ(e.msg, "(unicode error) 'ascii' codec can't decode byte 0xff in position 1622: "
                   "ordinal not in range(128)");
  EXPECT_EQ(e.lineno, 2731);
  EXPECT_EQ(e.text, "x = 1\n");
  EXPECT_EQ(decode_string(src),
            "error: 'ascii' codec can't decode byte 0xff in position 18021: ordinal not in "
            "range(128)");
  // At the end of the file, an incomplete sequence fails the last, final decode.
  e = file_error("# coding: shift_jis\nx = 1\n\x81");
  EXPECT_EQ(e.msg, "(unicode error) 'shift_jis' codec can't decode byte 0x81 in position 0: "
                   "incomplete multibyte sequence");
  EXPECT_EQ(e.lineno, 2);
  EXPECT_EQ(e.text, "x = 1\n");
  EXPECT_EQ(file_error("# coding: shift_jis\n\x81").lineno, 1);
}

TEST(DecodeSource, ChunkEndingInCarriageReturn) {
  // A '\r' ending a chunk waits for the next one (it may start "\n"), so its line is not
  // complete when the next chunk fails.
  std::string src = "# coding: cp1252\n";
  for (int i = 0; i < 1364; i++) src += "x = 1\n";
  ASSERT_EQ(src.size(), 8201u);
  SyntaxErrorInfo e = file_error(src + "y = 12\rz = 1\n\x81\n");
  EXPECT_EQ(e.lineno, 1365);
  EXPECT_EQ(e.msg, "(unicode error) 'charmap' codec can't decode byte 0x81 in position 6: "
                   "character maps to <undefined>");
  EXPECT_EQ(file_error(src + "y = 1\r\nz = 1\n\x81\n").lineno, 1366);
}

TEST(DecodeSource, SurrogatesCannotBecomeUtf8) {
  std::string src = "# coding: unicode_escape\nx = 1\ny = '\\ud800'\n";
  SyntaxErrorInfo e = file_error(src);
  EXPECT_EQ(e.msg, "(unicode error) 'utf-8' codec can't encode character '\\ud800' in position "
                   "5: surrogates not allowed");
  EXPECT_EQ(e.lineno, 2);
  EXPECT_EQ(e.text, "x = 1\n");
  EXPECT_EQ(decode_string(src), "error: 'utf-8' codec can't encode character '\\ud800' in "
                                "position 36: surrogates not allowed");
  EXPECT_EQ(decode_string("# coding: unicode_escape\nx = 1\ny = '\\ud800\\udc00'\n"),
            "error: 'utf-8' codec can't encode characters in position 36-37: surrogates not "
            "allowed");
  EXPECT_EQ(decode("# coding: unicode_escape\nx = '\\u00e9'\n"),
            "# coding: unicode_escape\nx = '\xc3\xa9'\n");
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
