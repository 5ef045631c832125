// The categories of the community mental health model: diagnoses, network types, ethnicity
// groups, clinical states and care settings, with their display names. No I/O, no threads.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace cmhsim::model {

/// Names the primary diagnosis of a person on the SMI register.
enum class Diagnosis : std::uint8_t { Schizophrenia, Bipolar, OtherPsychosis };
inline constexpr std::size_t kDiagnosisCount = 3;
inline constexpr std::array<const char*, kDiagnosisCount> kDiagnosisNames{
    "schizophrenia", "bipolar", "other_psychosis"};

/// Names the personal network type (Pinfold et al. 2015; Sweet et al. 2018).
enum class NetworkType : std::uint8_t { DiverseActive, FamilyStable, FormalSparse };
inline constexpr std::size_t kNetworkTypeCount = 3;
inline constexpr std::array<const char*, kNetworkTypeCount> kNetworkTypeNames{
    "diverse_active", "family_stable", "formal_sparse"};

/// Names the ethnicity group (ONS 5-group classification).
enum class Ethnicity : std::uint8_t { White, Black, Asian, Mixed, Other };
inline constexpr std::size_t kEthnicityCount = 5;
inline constexpr std::array<const char*, kEthnicityCount> kEthnicityNames{"white", "black", "asian",
                                                                          "mixed", "other"};

/// Names a person's sex as recorded on the register (Person::male is 1 for Male).
enum class Sex : std::uint8_t { Male, Female };
inline constexpr std::size_t kSexCount = 2;
inline constexpr std::array<const char*, kSexCount> kSexNames{"male", "female"};

/// Names the age bands of the excess natural-cause mortality of people with SMI.
inline constexpr std::size_t kExcessAgeBandCount = 3;
inline constexpr std::array<const char*, kExcessAgeBandCount> kExcessAgeBandNames{
    "under_45", "from_45_to_64", "from_65"};

/// Names the clinical state: stable, struggling (deteriorating, relapse risk) or in crisis.
enum class ClinicalState : std::uint8_t { Stable, Struggling, Crisis };
inline constexpr std::size_t kClinicalStateCount = 3;
inline constexpr std::array<const char*, kClinicalStateCount> kClinicalStateNames{
    "stable", "struggling", "crisis"};

/// Names the one care setting a living person is in at any time.
///
/// PrimaryCare: only the GP practice (people in the gap are a subset). CarePartner: on a Care
/// Partner's caseload (with primary care). Cmht: on a community mental health team caseload.
/// Outpatients: on a psychiatric outpatient list only. CrisisTeam: in a crisis resolution and
/// home treatment episode. Inpatient: in an acute bed (in or out of area).
enum class Setting : std::uint8_t {
  PrimaryCare,
  CarePartner,
  Cmht,
  Outpatients,
  CrisisTeam,
  Inpatient
};
inline constexpr std::size_t kSettingCount = 6;
inline constexpr std::array<const char*, kSettingCount> kSettingNames{
    "primary_care", "care_partner", "cmht", "outpatients", "crisis_team", "inpatient"};

/// Names where a community mental health team discharges a stable person to.
enum class DischargeDestination : std::uint8_t { PrimaryCare, CarePartner, Vcse };
inline constexpr std::array<const char*, 3> kDischargeDestinationNames{"primary_care",
                                                                       "care_partner", "vcse"};

/// Names what an identification sweep offers a person it finds, after an assessment contact.
enum class ProactiveOffer : std::uint8_t { CarePartner, Review };
inline constexpr std::array<const char*, 2> kProactiveOfferNames{"care_partner", "review"};

/// Names whom an identification sweep may offer a Care Partner: anyone found, or only people
/// found struggling.
enum class GapCriterion : std::uint8_t { Any, Struggling };
inline constexpr std::array<const char*, 2> kGapCriterionNames{"any", "struggling"};

}  // namespace cmhsim::model
