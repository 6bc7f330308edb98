/**
* Given names that are clearly women's or men's in the United States, written out for this project from general
* knowledge (not from any gold standard). Surrogates keep a given name's gender ("Mr. John Smith" does not become
* "Mr. Sophia Seaver"; the note's "he" and "his" stay right); names used for both, and names in neither list, get any
* given name. Lower case.
*/
const words = (text: string): readonly string[] => text.trim().split(/\s+/);

export const WOMEN_GIVEN_NAMES: readonly string[] = words(`
abigail ada adele agnes alice alicia alison amanda amber amelia amy ana andrea angela anita ann anna anne annette
annie april audrey barbara beatrice becky bernice beth betty beverly bonnie brenda bridget brittany carla carmen
carol caroline carolyn catherine cathy charlotte cheryl christina christine cindy claire clara claudia colleen
connie cynthia daisy danielle dawn debbie deborah debra denise diana diane donna doris dorothy edith edna eileen
elaine eleanor elizabeth ella ellen emily emma erica esther ethel eva evelyn faith florence frances gail gladys
gloria grace hannah harriet hazel heather heidi helen hilda holly ida irene iris isabel isabella jacqueline jane
janet janice jasmine jeanette jennifer jenny jessica jill joan joanna joanne josephine joyce judith judy julia
julie june karen katherine kathleen kathryn kathy katie kimberly laura lauren leah lillian linda lisa lois
loretta lori louise lucy lydia mabel madison margaret maria marie marilyn marjorie martha mary megan melanie
melissa michelle mildred miriam molly monica nancy natalie nicole nina nora norma olivia pamela patricia paula
pauline pearl peggy phyllis priscilla rachel rebecca regina rita roberta rosa rose ruby ruth sally samantha sandra
sara sarah sharon sheila shirley sophia stella stephanie susan sylvia tammy teresa theresa tiffany tina valerie
vanessa vera veronica victoria viola violet virginia vivian wanda wendy yolanda yvonne zoe
`);

export const MEN_GIVEN_NAMES: readonly string[] = words(`
aaron abraham adam adrian alan albert alexander alfred allen alvin andrew anthony antonio arnold arthur barry ben
benjamin bernard bill billy bob bobby brad bradley brandon brian bruce bryan calvin carl carlos cecil charles chester
christopher clarence claude clifford clinton craig curtis dan daniel danny darrell dave david dean dennis derek
dick don donald douglas duane dustin dwight earl edgar edward edwin elmer eric ernest eugene everett floyd francisco
frank franklin fred frederick gary george gerald gilbert glenn gordon greg gregory harold harry harvey hector henry
herbert herman howard hugh ian isaac jack jacob jake james jason jeff jeffrey jeremy jerome jerry jim jimmy
joe joel john johnny jon jonathan jorge jose joseph joshua juan justin keith kenneth kevin kyle larry lawrence leo
leon leonard leroy lloyd louis luis luke manuel marcus mark martin marvin matthew maurice melvin michael miguel mike
milton mitchell nathan neil nicholas norman oscar patrick paul peter philip phillip ralph randall randy ray raymond
richard rick rob robert roberto rodney roger roland ronald roy russell ryan samuel scott sean seth shawn stanley
stephen steve steven stuart ted theodore thomas tim timothy todd tom tommy tony travis troy vernon victor
vincent walter warren wayne wesley william willie zachary
`);
