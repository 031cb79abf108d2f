// tests/unit/codecs_test.cpp -- Codec lookup and decoders against what python3.11 gives.
//
// Each expectation is what CPython 3.11 returns for bytes.decode(NAME) (whole) or for an
// incremental decoder fed the same chunks (stream). The codecs were also compared with the
// oracle on random input during development; these cases pin one of each behaviour.
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <utility>

#include "interp/parse/codecs.h"
#include "interp/unicode/utf8.h"

namespace tpy::parse {
namespace {

using namespace std::string_view_literals;

// The module name [name] resolves to, or "error: MSG".
std::string lookup(std::string_view name) {
  std::string error;
  const CodecModule* codec = lookup_text_codec(name, error);
  return codec ? std::string(codec_module_name(*codec)) : "error: " + error;
}

std::string utf8(const std::u32string& chars) {
  std::string out;
  for (char32_t c : chars) unicode::encode_utf8(out, c);
  return out;
}

// The text, or "error: MSG" (prefixed "plain: " for a plain UnicodeError), after the chunks are
// fed in order; the last one is the final call. One chunk decodes the whole input in one call.
std::string decode(std::string_view name, std::initializer_list<std::string_view> chunks) {
  std::string error;
  const CodecModule* codec = lookup_text_codec(name, error);
  if (!codec) return "lookup error: " + error;
  auto mode = chunks.size() == 1 ? TextDecoder::Mode::Whole : TextDecoder::Mode::Stream;
  TextDecoder decoder(*codec, mode);
  std::u32string out;
  DecodeFailure failure;
  size_t k = 0;
  for (std::string_view chunk : chunks) {
    if (!decoder.decode(chunk, ++k == chunks.size(), out, failure))
      return (failure.plain ? "plain: " : "error: ") + failure.message + " after " + utf8(out);
  }
  return utf8(out);
}

std::string decode(std::string_view name, std::string_view data) { return decode(name, {data}); }

TEST(CodecLookup, NormalizesLikeTheRegistry) {
  EXPECT_EQ(lookup("CP1252"), "cp1252");
  EXPECT_EQ(lookup("windows-1252"), "cp1252");
  EXPECT_EQ(lookup("KOI8-R"), "koi8_r");
  EXPECT_EQ(lookup(" ISO 8859 15 "), "iso8859_15");
  EXPECT_EQ(lookup("iso_646.irv:1991"), "ascii");  // an alias with a dot
  EXPECT_EQ(lookup("Shift-JIS"), "shift_jis");
  EXPECT_EQ(lookup("x-mac-japanese"), "shift_jis");
  EXPECT_EQ(lookup("mskanji"), "cp932");
  EXPECT_EQ(lookup("uhc"), "cp949");
  EXPECT_EQ(lookup("macintosh"), "mac_roman");
  EXPECT_EQ(lookup("cp65001"), "utf_8");
  EXPECT_EQ(lookup("u7"), "utf_7");
  EXPECT_EQ(lookup("utf--8-sig"), "utf_8_sig");
}

TEST(CodecLookup, Unknown) {
  EXPECT_EQ(lookup("cp-1252"), "error: unknown encoding: cp-1252");
  EXPECT_EQ(lookup("IBM-437"), "error: unknown encoding: IBM-437");
  EXPECT_EQ(lookup("Latin 9"), "error: unknown encoding: Latin 9");  // the alias is latin9
  EXPECT_EQ(lookup("cp.1252"), "error: unknown encoding: cp.1252");  // dotted: never a module
  EXPECT_EQ(lookup("utf_8.sig"), "error: unknown encoding: utf_8.sig");
  EXPECT_EQ(lookup("aliases"), "error: unknown encoding: aliases");  // a module, not a codec
  EXPECT_EQ(lookup("ansi"), "error: unknown encoding: ansi");  // mbcs, Windows only
  EXPECT_EQ(lookup("cshproman8"), "error: unknown encoding: cshproman8");
  EXPECT_EQ(lookup("-"), "error: unknown encoding: -");
}

TEST(CodecLookup, NotText) {
  EXPECT_EQ(lookup("Hex"),
            "error: 'Hex' is not a text encoding; use codecs.decode() to handle arbitrary codecs");
  EXPECT_EQ(lookup("rot13"), "error: 'rot13' is not a text encoding; use codecs.decode() to "
                             "handle arbitrary codecs");
}

TEST(CodecLookup, LeftOut) {
  // Known to CPython, not to tpy (docs/differences.md).
  EXPECT_EQ(lookup("iso2022_jp"), "error: unknown encoding: iso2022_jp");
  EXPECT_EQ(lookup("punycode"), "error: unknown encoding: punycode");
  EXPECT_EQ(lookup("idna"), "error: unknown encoding: idna");
}

TEST(Codecs, AsciiLatin1Utf8) {
  EXPECT_EQ(decode("ascii", "abc\xff"),
            "error: 'ascii' codec can't decode byte 0xff in position 3: ordinal not in "
            "range(128) after ");
  EXPECT_EQ(decode("l1", "\xe9"), "\xc3\xa9");
  EXPECT_EQ(decode("charmap", "\xe9\x80"), "\xc3\xa9\xc2\x80");
  EXPECT_EQ(decode("utf8", "ab\xe2\x82"),
            "error: 'utf-8' codec can't decode bytes in position 2-3: unexpected end of data "
            "after ");
  EXPECT_EQ(decode("utf8", {"ab\xe2\x82", "\xac"}), "ab\xe2\x82\xac");
}

TEST(Codecs, Charmap) {
  EXPECT_EQ(decode("koi8-r", "\xf0\xd2\xc9"), "\xd0\x9f\xd1\x80\xd0\xb8");
  EXPECT_EQ(decode("cp037", "\xc1\x25"), "A\n");
  EXPECT_EQ(decode("cp1252", "ab\x81"),
            "error: 'charmap' codec can't decode byte 0x81 in position 2: character maps to "
            "<undefined> after ");
  // Positions count from the start of the call that fails.
  EXPECT_EQ(decode("cp1252", {"abc", "d\x81", ""}),
            "error: 'charmap' codec can't decode byte 0x81 in position 1: character maps to "
            "<undefined> after abc");
}

TEST(Codecs, MultibytePending) {
  EXPECT_EQ(decode("shift_jis", {"a\x82", "\xa0" "b", ""}), "a\xe3\x81\x82" "b");
  EXPECT_EQ(decode("shift_jis", {"a\x82", ""}),
            "error: 'shift_jis' codec can't decode byte 0x82 in position 0: incomplete "
            "multibyte sequence after a");
  EXPECT_EQ(decode("shift_jis", "ab\x82\x20"),
            "error: 'shift_jis' codec can't decode byte 0x82 in position 2: illegal multibyte "
            "sequence after ");
  EXPECT_EQ(decode("shift_jis", "\x80"),
            "error: 'shift_jis' codec can't decode byte 0x80 in position 0: illegal multibyte "
            "sequence after ");
  EXPECT_EQ(decode("cp949", "\xaa\xa7"), "\xe3\x81\x87");
}

TEST(Codecs, MultibyteLongForms) {
  // GB18030's four-byte sequences, in the BMP and beyond.
  EXPECT_EQ(decode("gb18030", "\x81\x30\x81\x30\x95\x32\x82\x36"), "\xc2\x80\xf0\xa0\x80\x80");
  EXPECT_EQ(decode("gb18030", "x\x81\x30\x81"),
            "error: 'gb18030' codec can't decode bytes in position 1-3: incomplete multibyte "
            "sequence after ");
  EXPECT_EQ(decode("gb18030", "\x84\x31\xa5\x30"),
            "error: 'gb18030' codec can't decode byte 0x84 in position 0: illegal multibyte "
            "sequence after ");
  // EUC-KR's make-up sequence for U+AC00, whole, cut short, and with a bad medial.
  EXPECT_EQ(decode("euc_kr", "\xa4\xd4\xa4\xa1\xa4\xbf\xa4\xd4"), "\xea\xb0\x80");
  EXPECT_EQ(decode("euc_kr", "\xa4\xd4\xa4\xa1\xa4\xbf\xa4"),
            "error: 'euc_kr' codec can't decode bytes in position 0-6: incomplete multibyte "
            "sequence after ");
  EXPECT_EQ(decode("euc_kr", "\xa4\xd4\xa4\xa1\xa4\xbe\xa4\xd4"),
            "error: 'euc_kr' codec can't decode byte 0xa4 in position 0: illegal multibyte "
            "sequence after ");
  // EUC-JP's three-byte JIS X 0212 form; a Big5-HKSCS pair that is two code points.
  EXPECT_EQ(decode("euc_jp", "\x8f\xa2\xaf"), "\xcb\x98");
  EXPECT_EQ(decode("euc_jp", "\x8f\xa1\xa1"),
            "error: 'euc_jp' codec can't decode byte 0x8f in position 0: illegal multibyte "
            "sequence after ");
  EXPECT_EQ(decode("big5hkscs", "\x88\x62"), "\xc3\x8a\xcc\x84");
}

TEST(Codecs, Hz) {
  EXPECT_EQ(decode("hz", {"a~{", "VP~}b", ""}), "a\xe4\xb8\xad" "b");
  EXPECT_EQ(decode("hz", "~{VP~~"),
            "error: 'hz' codec can't decode byte 0x7e in position 4: illegal multibyte sequence "
            "after ");
}

TEST(Codecs, Utf16And32) {
  EXPECT_EQ(decode("utf-16", "x\x00\x00\xd8"sv),
            "error: 'utf-16-le' codec can't decode bytes in position 2-3: unexpected end of data "
            "after ");
  EXPECT_EQ(decode("utf-16-be", "\x00x\xd8\x00\x00y"sv),
            "error: 'utf-16-be' codec can't decode bytes in position 2-3: illegal UTF-16 "
            "surrogate after ");
  EXPECT_EQ(decode("utf-32", "\x00\x00\xfe\xff\x00\x01\xf6\x00"sv), "\xf0\x9f\x98\x80");
  EXPECT_EQ(decode("utf-32-le", "\x00\x00\x11\x00"sv),
            "error: 'utf-32-le' codec can't decode bytes in position 0-3: code point not in "
            "range(0x110000) after ");
  // As a stream, a byte order mark must come first.
  EXPECT_EQ(decode("utf-16", {"x\x00"sv, ""}),
            "plain: UTF-16 stream does not start with BOM after ");
  EXPECT_EQ(decode("utf-16", {"\xff\xfex\x00"sv, "\x00\xdc"sv, ""}),
            "error: 'utf-16-le' codec can't decode bytes in position 0-1: illegal encoding "
            "after x");
}

TEST(Codecs, Utf7) {
  EXPECT_EQ(decode("utf-7", "a+AOk-b+-"), "a\xc3\xa9" "b+");
  EXPECT_EQ(decode("utf-7", {"a+AO", "k-", ""}), "a\xc3\xa9");
  EXPECT_EQ(decode("utf-7", "+A-"),
            "error: 'utf7' codec can't decode bytes in position 0-2: partial character in shift "
            "sequence after ");
  EXPECT_EQ(decode("utf-7", "x = a + b"),
            "error: 'utf7' codec can't decode bytes in position 6-7: ill-formed sequence after ");
}

TEST(Codecs, EscapeCodecs) {
  EXPECT_EQ(decode("unicode_escape", "\\x41\\N{SNOWMAN}\\101\xe9\\q"),
            "A\xe2\x98\x83" "A\xc3\xa9\\q");
  EXPECT_EQ(decode("unicode_escape", "ab\\N{NO SUCH}"),
            "error: 'unicodeescape' codec can't decode bytes in position 2-12: unknown Unicode "
            "character name after ");
  EXPECT_EQ(decode("unicode_escape", {"a\\", "x41", ""}), "aA");
  EXPECT_EQ(decode("raw_unicode_escape", "\\u0041\\\\u0041\\x"), "A\\\\u0041\\x");
  EXPECT_EQ(decode("raw_unicode_escape", "\\U00110000"),
            "error: 'rawunicodeescape' codec can't decode bytes in position 0-9: \\Uxxxxxxxx out "
            "of range after ");
}

TEST(Codecs, Undefined) {
  EXPECT_EQ(decode("undefined", "x"), "plain: undefined encoding after ");
}

}  // namespace
}  // namespace tpy::parse
