#include "store/text_query.hpp"

#include <cctype>

#include "core/pinyin.hpp"

namespace laurel::store {
namespace {

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (auto& ch : out) {
    if (static_cast<unsigned char>(ch) < 0x80) ch = static_cast<char>(std::tolower(ch));
  }
  return out;
}

// An FTS5 string: in double quotes, quotes inside doubled, so the word is matched as text and
// never read as query syntax (AND, NEAR, column filters).
std::string quoted(std::string_view word) {
  std::string out = "\"";
  for (char ch : word) {
    out += ch;
    if (ch == '"') out += '"';
  }
  return out + "\"";
}

}  // namespace

TextQuery parse_text_query(std::string_view text) {
  TextQuery query;
  std::string match;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])))
      ++i;
    const auto start = i;
    while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i])))
      ++i;
    if (start == i) break;
    const auto word = lower_ascii(text.substr(start, i - start));
    if (core::utf8_code_points(word).size() >= 3) {
      match += (match.empty() ? "" : " ") + quoted(word);
    } else {
      query.short_terms.push_back(word);
    }
  }
  if (!match.empty()) query.match = std::move(match);
  return query;
}

std::string text_condition(const TextQuery& query, std::string_view fts_table,
                           std::string_view id_column, std::string_view haystack,
                           std::vector<Value>& params) {
  std::string sql;
  if (query.match) {
    params.emplace_back(*query.match);
    sql += " AND " + std::string(id_column) + " IN (SELECT rowid FROM " + std::string(fts_table) +
           " WHERE " + std::string(fts_table) + " MATCH $" + std::to_string(params.size()) + ")";
  }
  for (const auto& term : query.short_terms) {
    params.emplace_back(term);
    sql += " AND instr(" + std::string(haystack) + ", $" + std::to_string(params.size()) + ") > 0";
  }
  return sql;
}

}  // namespace laurel::store
