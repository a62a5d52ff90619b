/**
 * What students and parents see without an account (issue 9, points 3 and 4): the answer pages {@code /s} and
 * {@code /s/{code}} (one question per screen, saved as it goes, resumed after a closed tab), the parent consent page
 * {@code /p/{code}}, and the printed consent forms and answer code slips per class as PDFs.
 */
package org.mindgrid.screening.answer;
