/**
 * The head of a fictional board review published on its own (“Review of the effectiveness of the
 * Local Safeguarding Children Board”, 2015): the board's name, the title over two lines, the
 * dates, and the board's judgement. The importer's tests go on from it with the body each needs.
 */
export const BOARD_REVIEW_HEAD: readonly string[] = [
    'Exampleshire Safeguarding Children Board',
    'Review of the effectiveness of the Local Safeguarding Children',
    'Board',
    'Inspection date: 15 June 2015 – 17 June 2015',
    'Report published: 3 August 2015',
    '',
    'The Local Safeguarding Children Board requires improvement',
    '',
];
