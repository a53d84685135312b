#pragma once
// What a user types in a search box, as SQL over a trigram full-text index.
//
// The words of the query (split at white space) must all match, anywhere in the text. Words of
// three or more characters go to the FTS5 trigram index (fast at any size); one- and
// two-character words — frequent in Chinese: 国寿, 债 — are shorter than a trigram, so they are
// matched by scanning the rows the rest of the query leaves (instr over the searched columns).
// Letters match regardless of case.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/value.hpp"

namespace laurel::store {

struct TextQuery {
  std::optional<std::string> match;      // an FTS5 query: quoted phrases, all required
  std::vector<std::string> short_terms;  // lower-cased words of one or two characters
  bool empty() const { return !match && short_terms.empty(); }
};

TextQuery parse_text_query(std::string_view text);

// " AND ..." restricting `id_column` to rows that match: through `fts_table` for the long words,
// by instr over `haystack` (an SQL expression, lower-cased by the caller) for the short ones.
// Appends its parameters to `params`, numbering them from params.size() + 1.
std::string text_condition(const TextQuery& query, std::string_view fts_table,
                           std::string_view id_column, std::string_view haystack,
                           std::vector<Value>& params);

}  // namespace laurel::store
