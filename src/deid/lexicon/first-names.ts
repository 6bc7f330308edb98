/**
 * Common given names in the United States (female and male, with frequent short forms), written out for this
 * project from general knowledge — not taken from any gold standard. Lower case, one list; a name that is also
 * an ordinary word (will, grace, bill) is recognised only with context (see common-words.ts).
 */
export const FIRST_NAMES: readonly string[] = `
aaron abby abe abigail abraham ada adam addie adele adeline adrian adrienne agatha agnes aidan aileen aimee al
alan alana albert alberta alberto alec alejandro alex alexa alexander alexandra alexis alfonso alfred alfredo
ali alice alicia alison allan allen allison alma alvin alyssa amanda amber amelia amy ana andre andrea andrew
andy angel angela angelica angelina angelo angie anita ann anna annabelle anne annette annie anthony antoinette
antonio april archie arlene arnold arthur ashley audrey austin ava barbara barry beatrice becky belinda ben
benjamin bernadette bernard bernice bert bertha beth bethany betsy betty beverly bill billy blanche bob bobby
bonnie brad bradley brandon brenda brendan brett brian bridget brittany brooke bruce bryan byron caitlin calvin
cameron camille candace carl carla carlos carmen carol carole caroline carolyn carrie casey cassandra catherine
cathy cecelia cecil cecilia celia charlene charles charlie charlotte chelsea cheryl chester chris christian
christina christine christopher christy cindy claire clara clarence claude claudia clayton clifford clinton
colin colleen connie conrad constance cora corey cornelius courtney craig crystal curtis cynthia daisy dale
dan daniel danielle danny daphne darlene darrell darren dave david dawn dean deanna debbie deborah debra
delia della delores denise dennis derek desmond diana diane dianne dick dolores dominic don donald donna dora
doris dorothy doug douglas duane dustin dwight earl ed eddie edgar edith edmund edna eduardo edward edwin
eileen elaine eleanor elena eli elijah elisa elizabeth ella ellen ellie elmer eloise elsie emil emily emma
emmanuel eric erica erik erin ernest ernestine ernie esther ethan ethel eugene eunice eva evan evelyn everett
faith fannie felicia felix fernando flora florence floyd frances francesca francis francisco frank frankie
franklin fred freda freddie frederick gabriel gabriela gail gary gavin gene geneva genevieve geoffrey george
georgia gerald geraldine gerard gerry gertrude gilbert gina ginger gladys glen glenda glenn gloria gordon grace
greg gregory greta gus gwen gwendolyn hal hank hannah harold harriet harry harvey hazel heather hector heidi
helen helena henrietta henry herbert herman hilda holly homer hope howard hubert hugh hugo ian ida imelda inez
irene iris irma irving isaac isabel isabella ivan jack jackie jacob jacqueline jake james jamie jan jane janet
janice jared jasmine jason jay jean jeanette jeanne jeff jeffrey jennie jennifer jenny jeremiah jeremy jerome
jerry jesse jessica jessie jill jim jimmy jo joan joann joanna joanne jocelyn jody joe joel joey johanna john
johnny jon jonathan jordan jorge jose joseph josephine josh joshua joy joyce juan juanita judith judy julia
julian julie juliet julius june justin karen karl kate katherine kathleen kathryn kathy katie katrina kay
keith kelly ken kendra kenneth kent kerry kevin kim kimberly kirk kristen kristin kristina kurt kyle lana lance
larry laura lauren laurie laverne lawrence leah lee leland lena leo leon leona leonard leroy leslie lester
lewis lila lillian lily linda lindsay lindsey lionel lisa liz lloyd lois lola lonnie lorena loretta lori
lorraine lou louis louise lucia lucille lucy luis luke lydia lyle lynn mabel mae maggie malcolm mandy manuel
marc marcella marcia marcus margaret margie maria marian marianne marie marilyn marion marjorie mark marlene
marsha marshall martha martin marty marvin mary mathew matilda matt matthew maureen maurice max maxine may megan
melanie melinda melissa melvin meredith mia michael michele michelle mickey miguel mike mildred milton mindy
miranda miriam misty mitchell molly monica morris muriel myra myrtle nadine nancy naomi natalie natasha nathan
nathaniel neal ned neil nellie nelson nicholas nick nicole nina noah noel nora norma norman oliver olivia opal
oscar owen pam pamela pat patricia patrick patsy patty paul paula pauline pearl peggy penny percy perry pete
peter phil philip phillip phyllis priscilla rachel ralph ramon randall randy raquel ray raymond rebecca regina
reginald rena rene renee rex rhoda rhonda ricardo richard rick ricky rita rob robbie robert roberta roberto
robin rocco rod rodney roger roland ron ronald ronnie rosa rosalie rose rosemary ross roxanne roy ruby rudolph
rudy russell ruth ryan sabrina sadie sally salvatore sam samantha samuel sandra sandy sara sarah scott sean
selma sergio seth shannon sharon shawn sheila shelby shelley sherry shirley sidney silvia simon sonia sonya
sophia sophie stacey stacy stanley stella stephanie stephen steve steven stuart sue susan suzanne sylvia tamara
tammy tanya tara ted teresa terrance terri terry thelma theodore theresa thomas tim timothy tina toby todd tom
tommy toni tony tracy travis trevor troy tyler ursula valerie vanessa vera vernon veronica vicki vickie victor
victoria vincent viola violet virgil virginia vivian wade wallace walter wanda warren wayne wendy wesley wilbur
wilfred will willard william willie wilma winifred winston yolanda yvette yvonne zachary zoe
aditya ahmed akiko alessandro ali amir anil anjali antonio ashok chen deepak dimitri elena fatima francesca
giovanni giuseppe guadalupe hans hiroshi hui ibrahim igor jamal javier jorge juan julio kenji krishna
lakshmi luca lucia maria marco mario mehmet miguel mohamed mohammed muhammad nadia natasha nikolai olga omar
pablo pedro priya rafael rahul raj ravi rosario sanjay sergei sofia stefan sunil svetlana tatiana vijay
vladimir wei yan yasmin ying yuki yusuf
abbie ada adela adelaide adella adrianne agnes aileen alberta alda alene aletha alexandria alfreda alice alida
aline allie alma alta althea alva alvina amalia amanda amelia anastasia andrea angelia angeline angelita anita
annabel annamae annemarie annetta annmarie antonia antonette arlene arline assunta augusta aurora ava beatrix
belle berenice bernadine berniece berta bertie beryl bessie beth betsy betty bettye beulah billie birdie blanca
bonita brenda bridgette brigid callie camilla candice carlotta carmela carmella carmelina carolann caroline
carolyn cassie catalina cathleen cecile celeste celestine charla charmaine cherie cheryl christa
christie christy claudette claudine clementine colette concetta consuelo cora corinne cornelia corrine
cristina dagmar darla deana deann debora deirdre delphine dena denise desiree diana dina
dolly domenica dominique donna dorcas doreen dorine dorothea dotty earline earnestine edie edwina effie eileen
elaina eldora eleanore elena elinor elise eliza elizabeth ella ellie elma elnora eloisa elsa elva elvira
emilia emmaline enid erma ernestine estella estelle esther etta eugenia eula eunice eva evangeline evelyne
evie felicity filomena flossie fran francine frieda gail genevieve georgette georgiana georgina
geraldine gerri gertie gilda giovanna giuseppina gladys glenna goldie gretchen guadalupe gussie harriett hattie
helga henrietta hermione hester hilary hildegard hollie honora ilene imogene inga ingrid iola irene isabelle
ivy jacklyn jacquelyn jaime janell janelle janette janie janine jayne jeanie jeannette jeannie jenifer
jillian joanie jocelyn josefina josie joycelyn juana judi julianne juliana justine karin karla katharine kathie
kathrine katy kaye kelli kellie kerri kimberley kitty krista kristi kristie kristy krissy lacey lara larissa
latoya laurel lavern laverne lavina leann leanne leila lela lenora lenore leola leona leonora letha lettie libby
lila lilian lilly lina linnea lizzie lola lolita loraine loretta lorene lorna lorrie lottie louella louisa luann
lucia luci lucinda luella lula lydia lynda lynette mabel madeline madge mae magdalena maggie mamie marcy
margarita margery margo margot marguerite maria mariam marianna maribel maricela marie marietta marilou marina
marisa marissa marjory marla marlys marta martina marva maryann maryanne maryellen marylou matilda mattie maud
maude maura mavis maxine meghan melba melody mercedes meredith merle michaela mildred millicent millie minerva
minnie miriam mollie mona monique muriel myra myrna myrtle nanette nannie naomi natalia nella nettie
nichole nikki noelle nola noreen norine octavia odessa ofelia olga ophelia patrica patsy
paulette pearlie penelope petra philomena phoebe polly priscilla prudence queenie rachael ramona reba rebekah
regina rena renee reva rita roberta robyn rochelle rosalind rosalyn rosann rosanna rose rosella rosetta
rosie rosina roslyn rowena roxanne roxie ruthie sabina sadie sallie samantha sarah selena serena shana shari
sharlene shauna sheena shelia sheri sherri sherrie shirlee sibyl simone sofia sonja stacie stefanie stephany
sue susana susanne suzette sybil sylvie tabitha tamika tanya teresita terese theda theodora theresa tillie
tina tonya tracey trina trudy valeria valerie vanessa velma verna veronica vicky vilma vinnie viola
virgie vivien wanda wilhelmina willa winnie yolanda yvette zelda zella zora
aldo alfonse alphonse alonzo alvin ambrose amos anderson andres angus anton antoine archibald arlen arne arturo
augustine augustus avery barney bartholomew basil benedict benito benny bernie bertram bill billy boris brent
burt carlo carmine casimir cecil cedric chad chaim chauncey clancy claud clement cletus clifton
clyde cole conor cyril cyrus dale damian dante darius darryl delbert dewey dexter dino dominick domenic donato
donnie dudley duncan dwayne edmond edsel efrain elbert eldon elias ellis elmo elton elwood emery emmett ennio
enrico ephraim erich ernesto errol erwin ethan eugene everett ezekiel ezra fabian federico felipe ferdinand
fidel filippo fletcher forrest francesco fredrick gaetano garrett garth gaston gene geo gerardo gideon gilberto
giorgio gino giovanni giuseppe gonzalo graham grover guido gustavo guy hamilton hans harlan harley harris
heinz herschel hiram horace horatio hoyt humberto ignatius irwin isadore isaiah ismael ivan jacques jarvis
jasper javier jed jefferson jerald jeremiah jimmie joaquin jonas josef judson jules julio kermit
laurence lazaro leif lemuel leonardo leopold lester levi lindsey linus lionel lloyd lorenzo lowell lucas
lucien luigi luther lyndon mack malachi manfred manny marcel marco mariano mario marlon marty mateo matthias
maurice maximilian maynard merle merrill micah milo mitch modesto monroe mordecai morgan moses murray myles
nathaniel neville newton nicolas nigel noel nolan norbert odell olaf omar orlando orville oswald otis otto
pasquale patrick percival phineas pierre porter quincy rafael raleigh ramon randolph raoul reuben rex
reynaldo rico rigoberto roderick rodolfo rogelio roman romeo ronny roosevelt roscoe rufus rupert russ salvador
sammy santiago saul seamus sebastian seymour shane sheldon sherman sid sigmund silas solomon spencer
stanford sterling stewart sylvester tad terrence thaddeus theo thurman tobias tomas torrance tyrone ulysses
umberto uriah valentin vaughn vern vidal vince vito wallace walt ward webster wendell wilbert wiley
wilfredo willis wilson winfred woodrow wyatt xavier zachariah zeke
`.trim().split(/\s+/);
