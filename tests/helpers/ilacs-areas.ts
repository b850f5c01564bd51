/**
 * The areas of an ILACS report's judgement table (2018 on), in Ofsted's words: leaders, help and
 * protection, children in care and care leavers (one area until 2023, two after); the overall
 * effectiveness is the table's last row. The importer's and the comparison's tests write their
 * judgements with them.
 */
export const LEADERS = 'The impact of leaders on social work practice with children and families';
export const HELP = 'The experiences and progress of children who need help and protection';
export const IN_CARE = 'The experiences and progress of children in care';
export const CARE_LEAVERS = 'The experiences and progress of care leavers';
export const CARE_AND_LEAVERS = 'The experiences and progress of children in care and care leavers';
