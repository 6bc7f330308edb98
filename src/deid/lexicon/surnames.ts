/**
 * Common family names in the United States (English, Irish, Scottish, German, Italian, Polish, Jewish, Greek,
 * Hispanic, East and South Asian origins), written out for this project from general knowledge — not taken
 * from any gold standard. Lower case. A surname that is also an ordinary word (white, brown, king) or a
 * medical eponym (foley, murphy) is recognised only with context (see common-words.ts).
 */
export const SURNAMES: readonly string[] = `
abbott abrams acevedo acosta adams adkins aguilar aguirre ahmed albert alexander allen allison alvarado alvarez
andersen anderson andrews anthony archer armstrong arnold arroyo atkins atkinson austin avery ayala bailey baker
baldwin ball ballard banks barber barker barnes barnett barr barrett barry bartlett barton bass bates bauer baxter
beck becker bell bender bennett benson bentley berg berger bernard berry bishop black blackburn blair blake
blanchard bolton bond booker boone booth bowen bowers bowman boyd boyer boyle bradford bradley brady brennan
brewer bridges briggs brock brooks brown browning bruce bryan bryant buchanan buck buckley bullock burgess burke
burnett burns burton bush butler byrd byrne cabrera cain caldwell callahan calloway cameron campbell cannon
cardenas carey carlson carmichael carney carpenter carr carroll carson carter carver casey cassidy castillo
castro chambers chan chandler chang chapman chavez chen cheng christensen clark clarke clayton cline cobb
cochran cody cohen coleman collier collins conley connelly connolly connor conrad conway cook cooke cooper
copeland cortez costa costello cox craig crane crawford crosby cross cruz cullen cummings cunningham curran
curry curtis daly daniels daugherty davenport davidson davies davis dawson day dean decker delaney delgado
dempsey dennis diaz dickerson dickson dillon dixon dolan donahue donnelly donovan dougherty douglas dowd doyle
drake driscoll duffy duncan dunn dunne durant dyer eaton edwards elliott ellis emerson english erickson espinoza
estrada evans everett farley farrell ferguson fernandez ferrara ferrari ferris fields figueroa finley finn
fischer fisher fitzgerald fitzpatrick flanagan fleming fletcher flores flynn foley ford foster fowler fox
francis franco frank franklin frazier freeman french friedman frost fuller gallagher galloway garcia gardner
garrett garrison garza gates gibbons gibbs gibson gilbert giles gill gilmore glass glover goldberg golden
goldman goldstein gomez gonzales gonzalez goodman goodwin gordon gorman gould graham grant graves gray green
greene greenberg gregory griffin griffith gross guerrero gutierrez guzman haas hahn hale haley hall hamilton
hammond hampton hancock hanley hansen hanson hardy harmon harper harrington harris harrison hart hartman
harvey hawkins hayes haynes healy hebert henderson hendricks hennessy henry hensley herman hernandez herrera
hess hickey hicks higgins hill hines hobbs hodge hodges hoffman hogan holland holloway holmes holt hood hooper
hopkins horton houston howard howe howell hubbard hudson huff huffman hughes hull humphrey hunt hunter hurley
hutchinson ingram jackson jacobs jacobson james jansen jenkins jennings jensen johns johnson johnston jones
jordan joseph joyce kaplan kaufman kavanagh keane kearney kearns keefe keller kelley kelly kemp kennedy kenny
keough kerr kessler khan kim king kinney kirby kirk klein knapp knight koch kohler kowalski kramer kraus
krause kruger kuhn lambert lane lange larsen larson lawrence lawson leach lee lehman leonard levin
levine levy lewis li lin lindquist lindsey little liu lloyd logan long lopez lowe lowell lucas lynch lyons
macdonald mack mackenzie madden maddox maguire mahoney malone maloney mann manning marino marks marsh marshall
martin martinez mason matthews maxwell may mayer maynard mccabe mccann mccarthy mcclain mccormick mccoy
mcdaniel mcdonald mcdonough mcgee mcgowan mcgrath mcguire mcintyre mckay mckenna mckenzie mclaughlin mcmahon
mcnamara mcneil medina meehan mejia melendez mendez mendoza mercer meyer meyers michaels miles miller mills
mitchell molina monroe montgomery moody moon moore mora morales moran moreno morgan moriarty morris morrison
morrow morse morton moss mueller mullen mulligan munoz munroe murphy murray myers navarro neal nelson
newman newton nguyen nichols nicholson nielsen nolan noonan norman norris norton nunez obrien o'brien oconnell
o'connell oconnor o'connor odonnell o'donnell oliver olsen olson oneill o'neill ortega ortiz osborne owen
owens pace padilla palmer park parker parks parrish parsons patel patrick patterson patton paul payne
pearce pearson pena perez perkins perry peters petersen peterson phelps phillips pittman pollard
poole pope porter potter powell powers pratt preston price quinn ramirez ramos ramsey randall rankin ray
raymond reed reese reeves regan reid reilly reyes reynolds rhodes rice richards richardson richmond riley
rios rivera roach robbins roberts robertson robinson robles rodgers rodriguez rogers rollins roman romero rose
rosen rosenberg ross roth rowe rowland russell ryan salazar sanchez sanders sandoval santiago santos sawyer
schaefer schmidt schneider schroeder schultz schwartz scott sexton shaffer shannon sharp shaw shea sheehan
shelton shepherd sherman sherwood shields short silva simmons simon simpson sims singh sloan small smith snow
snyder solomon sosa soto sparks spencer stanley stark steele stein stephens stevens stevenson stewart stone
stokes strickland stuart sullivan sutton sweeney swanson talbot tanner tate taylor terry thomas
thompson thornton todd torres townsend tracy tran travis tucker turner tyler underwood valdez valentine vance
vargas vasquez vaughn vega velasquez wade wagner walker wall wallace walsh walter walters walton wang
warner warren washington waters watkins watson watts weaver webb weber webster weiss welch wells welsh west
wheeler whelan white whitney wiggins wilcox wilkins wilkinson williams williamson willis wilson winters wolf
wolfe wong wood woods wright wu wyatt yang yates zhang zimmerman
amato bianchi bruno caruso colombo conti costa deluca esposito fabbri fontana gallo greco lombardi mancini
marchetti mariani moretti napolitano pagano rizzo romano rossi russo santoro testa vitale
nowak kowalczyk wisniewski wojcik kaminski lewandowski zielinski szymanski dabrowski kozlowski jankowski
novak horvath papadopoulos georgiou
nakamura tanaka suzuki watanabe yamamoto kobayashi sato takahashi
kumar sharma gupta shah reddy rao iyer mehta
pham le huynh hoang vu
abbate acheson ackerman adler agnew ahern albrecht aldrich alvarez ames amico anastasio andrade angelo antonelli
appel arcuri arsenault ashby ashworth aucoin ayers bachman bader baer bagley bailey bain baird barbieri
barlow barnard barone barrows bartels barth bassett batchelder baum beale beaton beaudoin beaulieu beauregard
becker belanger bellamy belmont benedetto benoit bergeron berman bernier berube bianco bickford biggs
bjork blackwell blanchette blaney bloom boland bolduc bonner borden bosworth boucher boudreau bouchard bourque
bowden bowles bowser boyce bradshaw brandt brannigan brennan breslin brock brody brophy brosnan broussard
buckman bui burdick burgess burnham burrows butterfield byers caffrey cahill calabrese caldera callaghan
campos cannata capone caputo carbone cardoso carlin carney caron carrigan carrington caruso casale cashman
cavanaugh cerullo chadwick chamberlain champagne chandler chapin charbonneau chatterjee chisholm
christiansen ciampa cicero ciccone clancy clifford cloutier coakley coffey cogan colbert colella coleman
collette comeau conboy concannon condon conlon connell connors conroy constantine conte corbett corcoran
cormier corrigan costanzo cote coughlin courtney cowan coyle crandall crawley creighton crockett cronin crowley
cullinane cummins cunha curtin cusack cutler daigle dalton damato danforth daniello darcy dasilva daugherty
davenport deangelis deblois decosta defranco delaney deleo delorenzo demarco demers dempsey denning desantis
desmond desrosiers devlin dewitt dicarlo dickinson diehl dimarco dinardo dionne doherty dolan donnelly
donohue donovan dorsey doucette dowling downey doyle driscoll drummond dubois ducharme duffy dugan duggan
dumont dunbar dunphy dupont dupuis durkin dwyer eagan eckert egan ehrlich elliott emery ennis epstein
esposito estes ethier evers fagan fahey fallon fanning farrar farrell faulkner feeney feldman fennell ferrante
ferreira finnegan fiore fischer fitzsimmons flaherty flanagan fleury flynn fogarty foley fontaine forbes
forrest fortier foss fournier fraser friedman fritz gaffney gagnon galvin gannon garber gardner garvey gauthier
gavin geary gelinas gentile geraghty gerber giordano girard giroux gleason glynn goggin golub gonsalves
goodwin gorham gormley goss grady graziano greenwood grenier griffiths grogan grossman guarino guay
guerin guidry guthrie hagan haggerty hahn halloran halpern hanlon hannon hanrahan harding harkins harmon
harrigan hartley hastings haugh hayden healey heffernan hegarty heller henderson hennessey herbert
hickey higgins hirsch hogan holbrook holden hollis horan horgan houle howland hughes hurd hurley hutchins
iannone ingalls irwin jablonski jacques jaffe janssen jarvis jennings jeffries jewett joyce kagan kahn
kane karp katz kavanaugh kearney keating keegan kehoe kelleher keller kenney kenyon keogh kiernan kilbride
kimball kinney kirwan klein kline knowles kohl kovacs kraft krueger kurtz labelle labonte lacroix lafferty
lafleur lagasse laliberte lally lambert lamontagne landry langley lapointe larkin laroche larson
lavoie lawler leahy leary leblanc lebrun leclair leduc lefebvre legare lemieux lennon leonard lepage lerner
lessard levesque lewin lieberman linehan lipman loftus logue lombardo lonergan lowry lucey lundgren
lyman macdonald macgregor macintosh mackay mackey maclean macleod macneil madigan magee maher mahon malloy
mancuso mangan manion mannion marchand marcotte marino markey marquis martel masterson mathieu
mazza mcalister mcallister mccarty mccloskey mcconnell mccue mcdermott mcdonnell mcevoy mcfarland mcgann
mcgarry mcgill mcginn mcgovern mcgrath mchugh mckeon mckinnon mclean mcmanus mcnally mcnulty meagher
medeiros melanson mello mendes mercier merrill messier metcalf meyers michaud milligan minton molloy monahan
mooney moriarty morin morrissey mulcahy muldoon mulvey munro murdock murtagh nadeau nagle napoli neary
nelligan newcomb nicholas nickerson nolan noonan norcross nugent oakes obrien ocallaghan oconnor
odonoghue ogrady okeefe oleary oliveira olmstead omalley oneil orourke osullivan ouellette pacheco
palermo palumbo paquette parisi pease pelletier pender perreault perrone peterson petrie phelan picard
pinto piper pires poirier pollock poulin powell prescott proctor provost pugh quigley
quinlan quintal rafferty rainey ramsay raposo reardon regan reilly renaud reynolds rhodes ricci richard
riordan ritchie rizzo roberge robichaud roche rodrigues rooney rosenthal ross rourke roy rubin
ruggiero russo ryder sabatini sacco salerno salvi sanborn santoro saunders savard scanlon schofield
scully seaver shapiro shattuck shaughnessy shea sheehy shepard sheridan sherwin silva silverman
simard simmons skinner slattery sloane smyth soares sorensen soucy souza spellman spinney stafford
stanton stearns steinberg sullivan sutcliffe sweeney sykes tardif taylor teixeira
thayer theriault thibodeau thornton tierney toomey torres tracey tremblay trudeau tully turcotte twomey
tyrrell vaillancourt valente vaughan vega vieira vincent vitale wade wakefield walsh warner waterman
weinstein welch whalen whitcomb whitaker whittaker willard winslow wolfe woodward wright yeager
yates zimmerman zito
`.trim().split(/\s+/);
