#pragma once
// The name of a metric's subject — a department, a person, a client or a fund — looked up by
// its kind: what a good-news rule checks its subjects exist with, and what its texts say.

#include <cstdint>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "engine/metric.hpp"
#include "store/connection.hpp"

namespace laurel::crm {

// nullopt when there is no such subject; the company (subject 0) has no record and no name.
core::Result<std::optional<std::string>> subject_name(store::Connection& db,
                                                      engine::SubjectKind kind, std::int64_t id);

}  // namespace laurel::crm
