#pragma once
// One page of a cursor-paginated list: repositories return up to limit + 1 rows so that the
// service knows whether another page follows without a second query.

#include <cstdint>
#include <optional>
#include <vector>

namespace laurel::crm {

template <class T>
struct Page {
  std::vector<T> items;
  std::optional<std::int64_t> next_after_id;  // the cursor of the next page, if there is one
};

// Trims the extra row and names the cursor; `rows` are ordered by id.
template <class T>
Page<T> page_from(std::vector<T> rows, int limit) {
  Page<T> page;
  if (rows.size() > static_cast<std::size_t>(limit)) {
    rows.pop_back();
    page.next_after_id = rows.back().id;
  }
  page.items = std::move(rows);
  return page;
}

}  // namespace laurel::crm
