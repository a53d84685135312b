// laurel import transactions FILE.csv [--partial]
//
// The file (UTF-8 or GB18030, see core/csv.hpp; columns in crm/transaction_csv.hpp) is read and
// checked in full first: without --partial, a single bad row stops the import before anything is
// written. Rows then go to the database in batches of --batch-size, each all-or-nothing, with a
// progress bar on a terminal. Should a batch fail on something only the database knows (a client
// that does not exist), the batches before it stay recorded; fixing the file and running the
// import again is safe, since rows already recorded are reported as duplicates.

#include <unistd.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/cli_options.hpp"
#include "cli/commands.hpp"
#include "crm/transaction_csv.hpp"

namespace laurel::cli {
namespace {

struct ImportOptions {
  CommonOptions common;
  std::string file;
  bool partial = false;
  std::size_t batch_size = 1000;
};

// "\r[#########...........]  45%  90000/200000 rows" on a terminal; nothing otherwise.
class ProgressBar {
 public:
  explicit ProgressBar(std::size_t total) : total_(total), shown_(isatty(STDERR_FILENO) != 0) {}
  void update(std::size_t done) const {
    if (!shown_ || total_ == 0) return;
    constexpr std::size_t kWidth = 30;
    const auto filled = done * kWidth / total_;
    std::cerr << "\r[" << std::string(filled, '#') << std::string(kWidth - filled, '.') << "] "
              << done * 100 / total_ << "%  " << done << "/" << total_ << " rows" << std::flush;
  }
  void finish() const {
    if (shown_) std::cerr << "\n";
  }

 private:
  std::size_t total_;
  bool shown_;
};

void print_row_error(std::size_t line, const core::Error& error) {
  std::cerr << "line " << line << (error.field.empty() ? "" : ", " + error.field) << ": "
            << error.message << "\n";
}

int import_transactions(const ImportOptions& o) {
  std::ifstream in(o.file, std::ios::binary);
  if (!in) return fail(core::Error::invalid("file", "cannot read " + o.file));
  std::stringstream bytes;
  bytes << in.rdbuf();
  auto text = core::decode_text(bytes.str());
  if (!text) return fail(text.error());
  auto records = core::parse_csv(text->utf8);
  if (!records) return fail(records.error());
  if (records->empty()) return fail(core::Error::invalid("file", "has no header row"));

  auto app = open_application(o.common);
  if (!app) return fail(app.error());
  auto& services = (*app)->services();
  auto reader = crm::TransactionCsv::from_header(records->front(), services.zone);
  if (!reader) return fail(reader.error());

  std::vector<crm::BatchRow> rows;
  std::vector<std::size_t> lines;
  std::size_t unreadable = 0;
  for (std::size_t i = 1; i < records->size(); ++i) {
    rows.push_back(reader->read((*records)[i]));
    lines.push_back((*records)[i].line);
    if (!rows.back()) {
      if (++unreadable <= 20) print_row_error(lines.back(), rows.back().error());
    }
  }
  if (unreadable > 0 && !o.partial) {
    std::cerr << unreadable << " bad row(s); nothing imported (--partial imports the good ones)\n";
    return 1;
  }

  const auto actor = auth::Actor::command_line(operator_name());
  ProgressBar progress(rows.size());
  std::size_t applied = 0, duplicates = 0, failed = 0;
  for (std::size_t start = 0; start < rows.size(); start += o.batch_size) {
    const auto end = std::min(rows.size(), start + o.batch_size);
    const std::vector<crm::BatchRow> batch(rows.begin() + static_cast<std::ptrdiff_t>(start),
                                           rows.begin() + static_cast<std::ptrdiff_t>(end));
    auto report = services.transactions.import(batch, o.partial, actor);
    if (!report) {
      progress.finish();
      return fail(report.error());
    }
    for (const auto& row : report->rows) {
      // Unreadable rows were listed above already.
      if (row.error && rows[start + row.row]) print_row_error(lines[start + row.row], *row.error);
    }
    if (!o.partial && report->failed > 0) {
      progress.finish();
      std::cerr << "stopped: the " << applied + duplicates
                << " row(s) of earlier batches are recorded, none of this batch's; fix the row "
                   "and run again (recorded rows then count as duplicates)\n";
      return 1;
    }
    applied += report->applied;
    duplicates += report->duplicates;
    failed += report->failed;
    progress.update(end);
  }
  progress.finish();
  std::cout << "applied " << applied << ", duplicates " << duplicates << ", failed " << failed
            << " (" << (text->source == core::TextEncoding::gb18030 ? "GB18030" : "UTF-8") << ")\n";
  return failed > 0 ? 2 : 0;
}

}  // namespace

void add_import_commands(CLI::App& app, Run& run) {
  static ImportOptions o;
  auto* import = app.add_subcommand("import", "Import records from files");
  import->require_subcommand(1);
  auto* transactions =
      import->add_subcommand("transactions", "Import transactions from a CSV file");
  add_common_options(*transactions, o.common, false);
  transactions->add_option("file", o.file, "CSV file, UTF-8 or GB18030, with a header row")
      ->required();
  transactions->add_flag("--partial", o.partial,
                         "Record the good rows and list the bad ones (default: stop at a bad row)");
  transactions->add_option("--batch-size", o.batch_size, "Rows per database transaction")
      ->check(CLI::Range(1, 10000));
  transactions->callback([&run] { run = [] { return import_transactions(o); }; });
}

}  // namespace laurel::cli
