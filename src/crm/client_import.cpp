// ClientService::import: clients from a file, de-duplicated by registration code.

#include <map>

#include "crm/client_service.hpp"
#include "crm/credit_code.hpp"

namespace laurel::crm {

core::Result<ImportReport> ClientService::import(const std::vector<core::Result<NewClient>>& rows,
                                                 bool partial, const auth::Actor& actor) {
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  std::map<std::string, std::size_t> seen;  // registration code -> the row that had it first
  auto report = run_rows<ImportOutcome>(
      rows, partial,
      [&](const NewClient& in,
          std::size_t this_row) -> core::Result<std::pair<ImportOutcome, std::int64_t>> {
        auto code = normalise_credit_code(in.registration_code);
        if (!code) return code.error();
        if (auto it = seen.find(*code); it != seen.end()) {
          return core::Error::invalid("registration_code",
                                      "repeats the client of row " + std::to_string(it->second));
        }
        auto existing = store::ClientRepository(db).find_by_registration_code(*code);
        if (!existing) return existing.error();
        if (!*existing) {
          auto created = create_in(db, in, actor);
          if (!created) return created.error();
          seen.emplace(*code, this_row);
          return std::pair{ImportOutcome::created, created->id};
        }
        // A known client: the file's cells update it (its survivor, if it was merged).
        const auto id = (*existing)->merged_into.value_or((*existing)->id);
        ClientChanges changes;
        changes.name = in.name;
        changes.type = in.type;
        if (in.short_name) changes.short_name = in.short_name;
        if (in.region) changes.region = in.region;
        auto updated = update_in(db, id, changes, actor);
        if (!updated) return updated.error();
        seen.emplace(*code, this_row);
        return std::pair{updated->changed ? ImportOutcome::updated : ImportOutcome::unchanged, id};
      });
  if (!report) return report.error();
  if (report->commit(partial)) {
    if (auto s = write->commit(); !s) return s.error();
  }
  return report;
}

}  // namespace laurel::crm
