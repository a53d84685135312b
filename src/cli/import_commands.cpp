// laurel import transactions FILE [--partial]
// laurel import balances FILE [--partial]
// laurel import clients FILE [--partial]
// laurel import key-people FILE [--partial]
//
// The file (CSV in UTF-8 or GB18030, see core/csv.hpp, or XLSX, see core/xlsx.hpp; columns in
// crm/transaction_csv.hpp, crm/balance_csv.hpp, crm/client_csv.hpp, crm/key_person_csv.hpp) is read
// and checked in full first: without --partial, a single bad row stops the import before anything
// is written. Rows then go to the database in batches of
// --batch-size, each all-or-nothing, with a progress bar on a terminal. Should a batch fail on
// something only the database knows (a client that does not exist), the batches before it stay
// recorded; fixing the file and running the import again is safe, since rows already recorded are
// reported as duplicates.

#include <unistd.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/cli_options.hpp"
#include "cli/commands.hpp"
#include "core/xlsx.hpp"
#include "crm/balance_csv.hpp"
#include "crm/client_csv.hpp"
#include "crm/key_person_csv.hpp"
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

// What one batch did, whatever was imported.
struct BatchOutcome {
  std::size_t applied = 0, corrected = 0, duplicates = 0, failed = 0;
  std::vector<std::pair<std::size_t, core::Error>> errors;  // row in the batch, error
};

// How the summary line names the three outcomes.
struct Labels {
  const char* applied = "applied";
  const char* corrected = "corrected";
  const char* duplicates = "duplicates";
};
constexpr Labels kMasterData{"created", "updated", "unchanged"};

template <class Report>
BatchOutcome outcome_of(const Report& report) {
  BatchOutcome outcome;
  if constexpr (requires { report.applied; }) {
    outcome.applied = report.applied;
    outcome.duplicates = report.duplicates;
  } else {  // a master-data import: created, updated, unchanged
    outcome.applied = report.count(crm::ImportOutcome::created);
    outcome.corrected = report.count(crm::ImportOutcome::updated);
    outcome.duplicates = report.count(crm::ImportOutcome::unchanged);
  }
  outcome.failed = report.failed;
  if constexpr (requires { report.corrected; }) outcome.corrected = report.corrected;
  for (const auto& row : report.rows) {
    if (row.error) outcome.errors.emplace_back(row.row, *row.error);
  }
  return outcome;
}

// Reads the file with `make_reader(header)` (whose read(record) gives a row) and imports it in
// batches with `import(batch, partial)`.
template <class Row, class MakeReader, class Import>
int import_file(const ImportOptions& o, api::Services&, MakeReader make_reader, Import import,
                Labels labels = {}) {
  std::ifstream in(o.file, std::ios::binary);
  if (!in) return fail(core::Error::invalid("file", "cannot read " + o.file));
  std::stringstream bytes;
  bytes << in.rdbuf();
  const auto content = bytes.str();
  const char* format = "XLSX";
  if (!core::looks_like_xlsx(content)) {
    auto text = core::decode_text(content);
    if (!text) return fail(text.error());
    format = text->source == core::TextEncoding::gb18030 ? "GB18030" : "UTF-8";
  }
  auto records = core::read_table(content);
  if (!records) return fail(records.error());
  if (records->empty()) return fail(core::Error::invalid("file", "has no header row"));
  auto reader = make_reader(records->front());
  if (!reader) return fail(reader.error());

  std::vector<Row> rows;
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

  ProgressBar progress(rows.size());
  BatchOutcome total;
  for (std::size_t start = 0; start < rows.size(); start += o.batch_size) {
    const auto end = std::min(rows.size(), start + o.batch_size);
    const std::vector<Row> batch(rows.begin() + static_cast<std::ptrdiff_t>(start),
                                 rows.begin() + static_cast<std::ptrdiff_t>(end));
    auto outcome = import(batch, o.partial);
    if (!outcome) {
      progress.finish();
      return fail(outcome.error());
    }
    for (const auto& [row, error] : outcome->errors) {
      // Unreadable rows were listed above already.
      if (rows[start + row]) print_row_error(lines[start + row], error);
    }
    if (!o.partial && outcome->failed > 0) {
      progress.finish();
      std::cerr << "stopped: the " << total.applied + total.corrected + total.duplicates
                << " row(s) of earlier batches are recorded, none of this batch's; fix the row "
                   "and run again (recorded rows then count as duplicates)\n";
      return 1;
    }
    total.applied += outcome->applied;
    total.corrected += outcome->corrected;
    total.duplicates += outcome->duplicates;
    total.failed += outcome->failed;
    progress.update(end);
  }
  progress.finish();
  std::cout << labels.applied << " " << total.applied << ", ";
  if (total.corrected || labels.corrected == kMasterData.corrected) {
    std::cout << labels.corrected << " " << total.corrected << ", ";
  }
  std::cout << labels.duplicates << " " << total.duplicates << ", failed " << total.failed << " ("
            << format << ")\n";
  return total.failed > 0 ? 2 : 0;
}

int import_transactions(const ImportOptions& o) {
  auto app = open_application(o.common);
  if (!app) return fail(app.error());
  auto& services = (*app)->services();
  const auto actor = auth::Actor::command_line(operator_name());
  return import_file<crm::BatchRow>(
      o, services,
      [&](const core::CsvRecord& header) {
        return crm::TransactionCsv::from_header(header, services.zone);
      },
      [&](const std::vector<crm::BatchRow>& batch, bool partial) -> core::Result<BatchOutcome> {
        auto report = services.transactions.import(batch, partial, actor);
        if (!report) return report.error();
        return outcome_of(*report);
      });
}

int import_balances(const ImportOptions& o) {
  auto app = open_application(o.common);
  if (!app) return fail(app.error());
  auto& services = (*app)->services();
  const auto actor = auth::Actor::command_line(operator_name());
  return import_file<crm::BalanceRow>(
      o, services,
      [](const core::CsvRecord& header) { return crm::BalanceCsv::from_header(header); },
      [&](const std::vector<crm::BalanceRow>& batch, bool partial) -> core::Result<BatchOutcome> {
        auto report = services.holdings.import(batch, partial, actor);
        if (!report) return report.error();
        return outcome_of(*report);
      });
}

int import_clients(const ImportOptions& o) {
  auto app = open_application(o.common);
  if (!app) return fail(app.error());
  auto& services = (*app)->services();
  const auto actor = auth::Actor::command_line(operator_name());
  using Row = core::Result<crm::NewClient>;
  return import_file<Row>(
      o, services,
      [](const core::CsvRecord& header) { return crm::ClientCsv::from_header(header); },
      [&](const std::vector<Row>& batch, bool partial) -> core::Result<BatchOutcome> {
        auto report = services.clients.import(batch, partial, actor);
        if (!report) return report.error();
        return outcome_of(*report);
      },
      kMasterData);
}

int import_key_people(const ImportOptions& o) {
  auto app = open_application(o.common);
  if (!app) return fail(app.error());
  auto& services = (*app)->services();
  const auto actor = auth::Actor::command_line(operator_name());
  using Row = core::Result<crm::KeyPersonImportRow>;
  return import_file<Row>(
      o, services,
      [](const core::CsvRecord& header) { return crm::KeyPersonCsv::from_header(header); },
      [&](const std::vector<Row>& batch, bool partial) -> core::Result<BatchOutcome> {
        auto report = services.key_people.import(batch, partial, actor);
        if (!report) return report.error();
        return outcome_of(*report);
      },
      kMasterData);
}

}  // namespace

void add_import_commands(CLI::App& app, Run& run) {
  static ImportOptions o;
  auto* import = app.add_subcommand("import", "Import records from files");
  import->require_subcommand(1);
  auto* transactions =
      import->add_subcommand("transactions", "Import transactions from a CSV file");
  add_common_options(*transactions, o.common, false);
  transactions->add_option("file", o.file, "CSV (UTF-8 or GB18030) or XLSX file with a header row")
      ->required();
  transactions->add_flag("--partial", o.partial,
                         "Record the good rows and list the bad ones (default: stop at a bad row)");
  transactions->add_option("--batch-size", o.batch_size, "Rows per database transaction")
      ->check(CLI::Range(1, 10000));
  transactions->callback([&run] { run = [] { return import_transactions(o); }; });

  auto* balances = import->add_subcommand(
      "balances", "Import daily holdings balances (client, product, date, amount) from a CSV file");
  add_common_options(*balances, o.common, false);
  balances->add_option("file", o.file, "CSV (UTF-8 or GB18030) or XLSX file with a header row")
      ->required();
  balances->add_flag("--partial", o.partial,
                     "Record the good rows and list the bad ones (default: stop at a bad row)");
  balances->add_option("--batch-size", o.batch_size, "Rows per database transaction")
      ->check(CLI::Range(1, 10000));
  balances->callback([&run] { run = [] { return import_balances(o); }; });

  const auto master_data = [&](const char* name, const char* what,
                               int (*command)(const ImportOptions&)) {
    auto* sub = import->add_subcommand(name, what);
    add_common_options(*sub, o.common, false);
    sub->add_option("file", o.file, "CSV (UTF-8 or GB18030) or XLSX file with a header row")
        ->required();
    sub->add_flag("--partial", o.partial,
                  "Record the good rows and list the bad ones (default: stop at a bad row)");
    sub->add_option("--batch-size", o.batch_size, "Rows per database transaction")
        ->check(CLI::Range(1, 10000));
    sub->callback([&run, command] { run = [command] { return command(o); }; });
  };
  master_data("clients", "Import or update clients (de-duplicated by registration code)",
              import_clients);
  master_data("key-people", "Import or update clients' key people (matched by name and phone)",
              import_key_people);
}

}  // namespace laurel::cli
