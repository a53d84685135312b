#pragma once
// What a master-data import (clients, key people) did with each row of the file: a new record,
// an existing one brought up to date, or one that already said the same (de-duplicated).

#include <string_view>

#include "crm/batch_runner.hpp"

namespace laurel::crm {

enum class ImportOutcome { created, updated, unchanged };

// A record after an update inside a larger write, and whether the update changed anything (an
// import reports "unchanged" rather than "updated" for a row that said what was stored).
template <class Record>
struct Updated {
  Record record;
  bool changed = false;
};
using ImportReport = RowReport<ImportOutcome>;

inline std::string_view import_outcome_name(ImportOutcome outcome) {
  switch (outcome) {
    case ImportOutcome::created:
      return "created";
    case ImportOutcome::updated:
      return "updated";
    case ImportOutcome::unchanged:
      return "unchanged";
  }
  return "unchanged";
}

}  // namespace laurel::crm
