#pragma once
// Visits, who went, who attended and what was discussed, as stored (migration 0011). Rules
// (attendees of the visit's client, no future visits, the edit window) live in
// crm::VisitService.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"
#include "store/record_scope.hpp"

namespace laurel::store {

struct VisitStaff {
  std::int64_t staff_id = 0;
  std::optional<std::int64_t> department_id;  // the staff member's on the visit's day
};

// A client the staff member went to lately, for "recent clients first" pickers.
struct RecentClient {
  std::int64_t client_id = 0;
  std::string client_name;
  std::string last_visit_date;  // company-local YYYY-MM-DD
};

struct VisitRecord {
  std::int64_t id = 0;
  std::optional<std::string> external_id;
  std::int64_t client_id = 0;
  std::string kind;
  std::int64_t occurred_at = 0;  // UTC microseconds
  std::string occurred_date;     // company-local "YYYY-MM-DD"
  std::string notes;
  std::optional<std::string> next_step;
  std::optional<std::string> follow_up_date;
  std::optional<std::int64_t> follow_up_done_at;
  std::int64_t author_user_id = 0;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  std::vector<VisitStaff> staff;           // by staff id
  std::vector<std::int64_t> attendee_ids;  // key people, by id
  std::vector<std::int64_t> product_ids;   // by id
};

// One visit a key person attended.
struct Attendance {
  std::int64_t key_person_id = 0;
  std::int64_t visit_id = 0;
  std::int64_t occurred_at = 0;  // UTC microseconds
  std::string occurred_date;     // company-local "YYYY-MM-DD"
  std::vector<std::int64_t> staff_ids;
};

struct VisitFilter {
  std::optional<std::int64_t> client_id;
  std::optional<std::int64_t> staff_id;       // among those who went
  std::optional<std::int64_t> key_person_id;  // among the attendees
  std::optional<std::string> kind;
  std::optional<std::int64_t> from;             // occurred_at >= (UTC microseconds)
  std::optional<std::int64_t> to;               // occurred_at <
  std::optional<std::string> follow_up_due_by;  // open follow-ups dated on or before this day
  std::optional<std::string> search;            // substring of notes or next step
  std::int64_t after_id = 0;                    // cursor: the last visit of the previous page
  int limit = 50;
};

class VisitRepository {
 public:
  explicit VisitRepository(Connection& connection) : db_(connection) {}

  core::Result<std::int64_t> insert(const VisitRecord& visit);
  // Rewrites the visit and its staff, attendees and products.
  core::Status update(const VisitRecord& visit);
  core::Status remove(std::int64_t id);
  core::Result<std::optional<VisitRecord>> find(std::int64_t id);
  core::Result<std::optional<VisitRecord>> find_external(std::string_view external_id);
  // Whether the visit is inside the scope: one of its staff is the scope's staff member or was
  // in one of its departments, the scope's user wrote it, or its client is covered today.
  core::Result<bool> visible(std::int64_t id, std::int64_t user_id, const RecordScope& scope);
  // Every visit attended by the client's key people (of today, wherever they were then) on or
  // before `to_date`, each with the staff who went.
  core::Result<std::vector<Attendance>> attendances_of_client(std::int64_t client_id,
                                                              std::string_view to_date);
  // The clients the staff member most recently went to, newest first, with the day of the last
  // visit.
  core::Result<std::vector<RecentClient>> recent_clients(std::int64_t staff_id, int limit);
  // Newest first (occurred_at, then id); up to limit + 1 rows.
  core::Result<std::vector<VisitRecord>> list(const VisitFilter& filter, std::int64_t user_id,
                                              const RecordScope& scope);

 private:
  core::Status insert_links(const VisitRecord& visit);
  core::Status load_links(std::vector<VisitRecord>& visits);

  Connection& db_;
};

}  // namespace laurel::store
