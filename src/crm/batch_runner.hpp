#pragma once
// Recording a batch of rows the same way for every kind of record: each row is recorded in the
// caller's open write transaction; a row whose input could not be read, or that the service
// refuses (bad input, a conflict), is that row's error. Without `partial` the first bad row
// stops the batch and the caller rolls back (nothing is written); with it, the good rows are
// recorded and the bad ones reported. Any other error (the database) fails the whole batch.

#include <cstddef>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/error.hpp"

namespace laurel::crm {

template <class Outcome>
struct RowResult {
  std::size_t row = 0;
  std::optional<Outcome> outcome;  // none: failed
  std::optional<std::int64_t> id;
  std::optional<core::Error> error;
};

template <class Outcome>
struct RowReport {
  std::vector<RowResult<Outcome>> rows;
  std::size_t failed = 0;

  std::size_t count(Outcome outcome) const {
    std::size_t n = 0;
    for (const auto& r : rows)
      n += r.outcome == outcome ? 1 : 0;
    return n;
  }
  // Whether the caller commits: every row was good, or the batch was partial.
  bool commit(bool partial) const { return partial || failed == 0; }
};

// `record(const Input&)` (or `record(const Input&, std::size_t row)`) gives
// core::Result<std::pair<Outcome, std::int64_t id>>.
template <class Outcome, class Input, class Record>
core::Result<RowReport<Outcome>> run_rows(const std::vector<core::Result<Input>>& rows,
                                          bool partial, Record record) {
  RowReport<Outcome> report;
  report.rows.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    RowResult<Outcome> result;
    result.row = i;
    auto recorded = [&]() -> core::Result<std::pair<Outcome, std::int64_t>> {
      if (!rows[i]) return rows[i].error();
      if constexpr (std::is_invocable_v<Record, const Input&, std::size_t>) {
        return record(*rows[i], i);  // the row's place, for errors such as "repeats row 3"
      } else {
        return record(*rows[i]);
      }
    }();
    if (!recorded) {
      const auto code = recorded.error().code;
      if (code != core::Errc::invalid_input && code != core::Errc::conflict) {
        return recorded.error();  // not about this row: the batch fails
      }
      result.error = recorded.error();
      ++report.failed;
      if (!partial) {
        report.rows = {std::move(result)};
        return report;
      }
    } else {
      result.outcome = recorded->first;
      result.id = recorded->second;
    }
    report.rows.push_back(std::move(result));
  }
  return report;
}

}  // namespace laurel::crm
