// interp/parse/source.h -- Turns the bytes of a source file into UTF-8 text (BOM, coding cookie).
#pragma once

#include <string>
#include <string_view>

#include "interp/parse/syntax_error.h"

namespace tpy::parse {

// Decodes [bytes] per PEP 263 / PEP 3120: a UTF-8 BOM, or a `coding[:=]` cookie on line 1 or 2
// naming any codec CPython can decode source with (codecs.h), defaulting to UTF-8. On success
// writes UTF-8 to [out] (BOM removed, \r\n and \r turned into \n as CPython's readers do) and
// returns true; otherwise fills [err] as CPython reports it, mostly with lineno 0 (CPython's
// None: printed as a bare "SyntaxError: msg"), e.g. "encoding problem: foo", "Non-UTF-8 code
// starting with '\xff' in file x.py on line 1, but no encoding declared; see
// https://peps.python.org/pep-0263/ for details"; a file's bytes that fail to decode past the
// first chunk CPython decodes give "(unicode error) ..." at the line before them. This form
// reads [bytes] as a file run from the command line would be read, and names the file after
// [err].filename as passed in.
bool decode_source(std::string_view bytes, std::string& out, SyntaxErrorInfo& err);

// Where the bytes come from: CPython words encoding errors differently for a file it reads
// ("encoding problem: foo", strict UTF-8 check) and for compile() of bytes ("unknown encoding:
// foo", the codec's own message, lineno 0 and offset -1; undecodable UTF-8 without a cookie is
// passed on, for the string-literal decoder or the tokenizer to report as "(unicode error)
// 'utf-8' codec can't decode ...").
// Text is source that is already a str (`tpy -c`, later exec()/compile() of a str): it is not
// decoded again, coding cookies are ignored and error columns count characters.
enum class SourceOrigin { File, String, Text };

struct SourceInfo {
  // A BOM or a coding cookie: CPython then counts the columns of parser errors in characters
  // (see TokenizerOptions::byte_columns).
  bool declared_encoding = false;
};

bool decode_source(std::string_view bytes, std::string_view filename, SourceOrigin origin,
                   std::string& out, SyntaxErrorInfo& err, SourceInfo* info = nullptr);

// -- UTF-8 as CPython's codec treats it -----------------------------------------------------------
// False if [s] is strict UTF-8; otherwise sets [msg] to str() of the UnicodeDecodeError for its
// first bad sequence ("'utf-8' codec can't decode byte 0xff in position 2: invalid start byte").
bool utf8_error_message(std::string_view s, std::string& msg);
// bytes.decode('utf-8', 'replace') re-encoded as UTF-8, and its length in characters.
std::string utf8_replace_invalid(std::string_view s);
size_t utf8_count_replace(std::string_view s);

}  // namespace tpy::parse
