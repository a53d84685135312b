#pragma once
// Chinese names for the demo company: people, institutions of each client type, their org
// units, funds, and the sentences salespeople write after a visit. All fictional; institution
// names are built from cities and made-up brand words, so no real company is described.

#include <set>
#include <string>
#include <vector>

#include "demo/demo_random.hpp"

namespace laurel::demo {

struct City {
  const char* name;
  const char* region;  // 北方, 华东, 华南
};

const std::vector<City>& cities();

std::string person_name(Random& random);

// A unique institution name for a client type, with its short name.
struct InstitutionName {
  std::string name;
  std::string short_name;
};
InstitutionName institution_name(Random& random, const std::string& type, const City& city,
                                 std::set<std::string>& taken);

// The org units under an institution's head office, by client type.
std::vector<std::string> org_unit_names(Random& random, const std::string& type);
std::string head_office_name(const std::string& type);

// A title fitting a decision role.
std::string title_for(Random& random, const std::string& decision_role, bool head);

// A visit's notes and next step, naming a product when one was discussed.
std::string visit_notes(Random& random, const std::string& product);
std::string next_step(Random& random);
std::string service_text(Random& random, const std::string& kind);

}  // namespace laurel::demo
