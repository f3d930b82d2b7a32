// Every migration, in order. Imported statically so the list works under tsx and in bundles.
import type { Migration } from 'kysely';
import * as m001 from './001_initial.js';
import * as m002 from './002_identification.js';
import * as m003 from './003_review.js';
import * as m004 from './004_assistance.js';
import * as m005 from './005_exchange.js';
import * as m006 from './006_user_approvals.js';
import * as m007 from './007_audit_key.js';
import * as m008 from './008_read_path.js';
import * as m009 from './009_job_leases.js';
import * as m010 from './010_assistance_counts.js';
import * as m011 from './011_whatif_index.js';
import * as m012 from './012_proposal_history.js';
import * as m013 from './013_year_facet.js';
import * as m014 from './014_household_results.js';
import * as m015 from './015_returned_drafts.js';
import * as m016 from './016_import_stale_rows.js';
import * as m017 from './017_campaigns.js';
import * as m018 from './018_campaign_indexes.js';
import * as m019 from './019_working_group_members.js';
import * as m020 from './020_year_facets.js';
import * as m021 from './021_year_created_day.js';
import * as m022 from './022_region_created_year.js';
import * as m023 from './023_links_by_kind.js';
import * as m024 from './024_review_step_days.js';
import * as m025 from './025_old_database_import.js';
import * as m026 from './026_research_reports.js';
import * as m027 from './027_bulletins.js';
import * as m028 from './028_bulletin_numbers_facet_values.js';
import * as m029 from './029_created_on.js';
import * as m030 from './030_assessment.js';
import * as m031 from './031_assessment_results.js';
import * as m032 from './032_follow_ups.js';
import * as m033 from './033_transfers.js';
import * as m034 from './034_duplicates.js';
import * as m035 from './035_dibao.js';

export const migrations: Record<string, Migration> = {
  '001_initial': m001,
  '002_identification': m002,
  '003_review': m003,
  '004_assistance': m004,
  '005_exchange': m005,
  '006_user_approvals': m006,
  '007_audit_key': m007,
  '008_read_path': m008,
  '009_job_leases': m009,
  '010_assistance_counts': m010,
  '011_whatif_index': m011,
  '012_proposal_history': m012,
  '013_year_facet': m013,
  '014_household_results': m014,
  '015_returned_drafts': m015,
  '016_import_stale_rows': m016,
  '017_campaigns': m017,
  '018_campaign_indexes': m018,
  '019_working_group_members': m019,
  '020_year_facets': m020,
  '021_year_created_day': m021,
  '022_region_created_year': m022,
  '023_links_by_kind': m023,
  '024_review_step_days': m024,
  '025_old_database_import': m025,
  '026_research_reports': m026,
  '027_bulletins': m027,
  '028_bulletin_numbers_facet_values': m028,
  '029_created_on': m029,
  '030_assessment': m030,
  '031_assessment_results': m031,
  '032_follow_ups': m032,
  '033_transfers': m033,
  '034_duplicates': m034,
  '035_dibao': m035,
};
