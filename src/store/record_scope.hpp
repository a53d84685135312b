#pragma once
// A caller's data scope as the store layer sees it (crm::DataScope decides it): everything, or
// the records of one staff member, of a set of departments, and of the clients the staff member
// covers today. Each scoped repository turns it into SQL over its own table.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace laurel::store {

struct RecordScope {
  bool everything = false;
  std::optional<std::int64_t> staff_id;
  std::string department_ids_json = "[]";  // a JSON array of ids
  std::string today;                       // for "clients covered today"
};

// A JSON array of ids ("[1,2,3]"), bound as one parameter and read with json_each().
std::string json_ids(const std::vector<std::int64_t>& ids);

// SQL true when `client_column` names a client whose coverage plan in force on $today names
// $staff (the parameters' numbers are given).
std::string covered_today_sql(std::string_view client_column, int staff_param, int today_param);

// SQL for the department the staff member in `staff_column` is in on $today (NULL if none).
std::string department_today_sql(std::string_view staff_column, int today_param);

}  // namespace laurel::store
