#pragma once
// A leaderboard — live standings or a snapshot — as the table a manager takes to the weekly
// meeting (core/table_export.hpp writes it as CSV or XLSX): rank, who, the figure (yuan for
// amounts, exact), a ratio board's target and achievement ("no target" where there is none), and
// when a first-to-reach board's score was reached (company time). Headers in the language asked
// for; the sheet is named after the board and period.

#include <boost/json/array.hpp>
#include <optional>

#include "core/local_date.hpp"
#include "core/period.hpp"
#include "core/table_export.hpp"
#include "crm/board_service.hpp"
#include "crm/good_news_text.hpp"

namespace laurel::crm {

struct BoardExport {
  const Board& board;
  core::Period period;
  const boost::json::array& rows;  // standing rows (crm/standing_json.hpp)
  Language language = Language::zh_cn;
  std::optional<core::Timestamp> frozen_at;  // a snapshot's moment, in the title
};

core::ExportTable board_table(const BoardExport& in, core::CompanyZone zone);

// A file name for the download, ASCII only: "board-5-2026-12.xlsx", "snapshot-12-2026-W49.csv".
std::string export_file_name(std::string_view what, std::int64_t id, core::Period period,
                             std::string_view extension);

}  // namespace laurel::crm
