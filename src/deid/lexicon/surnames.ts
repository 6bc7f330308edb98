/**
 * Common family names in the United States (English, Irish, Scottish, German, Italian, Polish, Jewish, Greek,
 * Hispanic, East and South Asian origins), written out for this project from general knowledge — not taken
 * from any gold standard. Lower case. A surname that is also an ordinary word (white, brown, king) or a
 * medical eponym (foley, murphy) is recognised only with context (see common-words.ts).
 */
export const SURNAMES: readonly string[] = `
abbate abbott abrams acevedo acheson ackerman acosta adams adkins adler agnew aguilar aguirre ahern ahmed albert
albrecht aldrich alexander alford allen allison alston alvarado alvarez amato ames amico anastasio andersen anderson
andrade andrews angelo anthony antonelli appel archer arcuri armstrong arnold arroyo arsenault ashby ashworth atkins
atkinson aucoin austin avery avila ayala ayers bachman bader baer bagley bailey bain baird baker baldwin ball
ballard banks barber barbieri barker barlow barnard barnes barnett barone barr barrera barrett barron barrows barry
bartels barth bartlett barton bass bassett batchelder bates bauer baum baxter beale beasley beaton beaudoin beaulieu
beauregard beck becker belanger bell bellamy belmont bender benedetto bennett benoit benson bentley berg berger
bergeron berman bernard bernier berry berube bianchi bianco bickford biggs bishop bjork black blackburn blackwell
blair blake blanchard blanchette blaney blankenship blevins bloom boland bolduc bolton bond bonner booker boone
booth borden bosworth bouchard boucher boudreau bourque bowden bowen bowers bowles bowman bowser boyce boyd boyer
boyle bradford bradley bradshaw brady brandt brannigan brennan breslin brewer bridges briggs brock brody brooks
brophy brosnan broussard brown browning bruce bruno bryan bryant buchanan buck buckley buckman buckner bui bullock
burdick burgess burke burks burnett burnham burns burris burrows burton bush butler butterfield byers byrd byrne
cabrera caffrey cahill cain calabrese caldera caldwell calhoun callaghan callahan calloway camacho cameron campbell
campos cannata cannon cantrell cantu capone caputo carbone cardenas cardoso carey carlin carlson carmichael carney
caron carpenter carr carrigan carrillo carrington carroll carson carter caruso carver casale casey cashman cassidy
castaneda castillo castro cavanaugh cerullo cervantes chadwick chamberlain chambers champagne chan chandler chaney
chang chapin chapman charbonneau chatterjee chavez chen cheng chisholm christensen christiansen ciampa ciccone
cicero clancy clark clarke clayton clements clemons clifford cline cloutier coakley cobb cochran cody coffey cogan
cohen colbert colella coleman collette collier collins colombo comeau conboy concannon condon conley conlon connell
connelly conner connolly connor connors conrad conroy constantine conte conti conway cook cooke cooley cooper
copeland corbett corcoran cormier corrigan cortez costa costanzo costello cote coughlin courtney cowan cox coyle
craig crandall crane crawford crawley creighton crockett cronin crosby cross crowley cruz cullen cullinane cummings
cummins cunha cunningham curran curry curtin curtis cusack cutler dabrowski daigle dalton daly damato danforth
daniello daniels darcy dasilva daugherty davenport davidson davies davis dawson day dean deangelis deblois decker
decosta defranco dejesus delacruz delaney deleo deleon delgado delorenzo deluca demarco demers dempsey denning
dennis desantis desmond desrosiers devlin dewitt diaz dicarlo dickerson dickinson dickson diehl dillard dillon
dimarco dinardo dionne dixon dodson doherty dolan donahue donaldson donnelly donohue donovan dorsey dotson doucette
dougherty douglas dowd dowling downey doyle drake driscoll drummond dubois ducharme duffy dugan duggan dumont dunbar
duncan dunlap dunn dunne dunphy dupont dupuis duran durant durkin dwyer dyer eagan eaton eckert edwards egan ehrlich
elliott ellis ellison emerson emery english ennis epstein erickson espinoza esposito estes estrada ethier evans
everett evers fabbri fagan fahey fallon fanning farley farrar farrell faulkner feeney feldman fennell ferguson
fernandez ferrante ferrara ferrari ferreira ferrell ferris fields figueroa finley finn finnegan fiore fischer fisher
fitzgerald fitzpatrick fitzsimmons flaherty flanagan fleming fletcher fleury flores flynn fogarty foley fontaine
fontana forbes ford forrest fortier foss foster fournier fowler fox francis franco frank franklin fraser frazier
freeman french friedman fritz frost frye fuller gaffney gagnon gaines gallagher gallegos gallo galloway galvin
gannon garber garcia gardner garner garrett garrison garvey garza gates gauthier gavin geary gelinas gentile gentry
georgiou geraghty gerber gibbons gibbs gibson gilbert giles gill gillespie gilliam gilmore giordano girard giroux
glass gleason glover glynn goff goggin goldberg golden goldman goldstein golub gomez gonsalves gonzales gonzalez
goodman goodwin gordon gorham gorman gormley goss gould grady graham grant graves gray graziano greco green
greenberg greene greenwood greer gregory grenier griffin griffith griffiths grimes grogan gross grossman guarino
guay guerin guerra guerrero guidry gupta guthrie gutierrez guzman haas hagan haggerty hahn hale haley hall halloran
halpern hamilton hammond hampton hancock haney hanley hanlon hannon hanrahan hansen hanson hardin harding hardy
harkins harmon harper harrell harrigan harrington harris harrison hart hartley hartman harvey hastings hatfield
haugh hawkins hayden hayes haynes healey healy hebert heffernan hegarty heller henderson hendricks hendrix hennessey
hennessy henry hensley henson herbert herman hernandez herrera hess hewitt hickey hicks higgins hill hines hinton
hirsch hoang hobbs hodge hodges hoffman hogan holbrook holcomb holden holland hollis holloway holman holmes holt
hood hooper hoover hopkins horan horgan horne horton horvath houle houston howard howe howell howland hubbard hudson
huff huffman hughes hull humphrey hunt hunter hurd hurley  hutchins hutchinson huynh iannone ingalls ingram
irwin iyer jablonski jackson jacobs jacobson jacques jaffe james jankowski jansen janssen jarvis jeffries jenkins
jennings jensen jewett johns johnson johnston jones jordan joseph joyce joyner juarez kagan kahn kaminski kane
kaplan karp katz kaufman kavanagh kavanaugh keane kearney kearns keating keefe keegan kehoe kelleher keller kelley
kelly kemp kennedy kenney kenny kenyon keogh keough kerr kessler khan kidd kiernan kilbride kim kimball king kinney
kirby kirk kirkland kirwan klein kline knapp knight knowles kobayashi koch kohl kohler kovacs kowalczyk kowalski
kozlowski kraft kramer kraus krause krueger kruger kuhn kumar kurtz labelle labonte lacroix lafferty lafleur lagasse
laliberte lally lambert lamontagne landry lane lang lange langley lapointe larkin laroche larsen larson lavoie
lawler lawrence lawson le leach leahy leary leblanc lebrun leclair leduc lee lefebvre legare lehman lemieux lennon
leonard lepage lerner lessard levesque levin levine levy lewandowski lewin lewis li lieberman lin lindquist lindsey
linehan lipman little liu livingston lloyd loftus logan logue lombardi lombardo lonergan long lopez lott lowe lowell
lowery lowry lucas lucey lundgren lyman lynch lyons macdonald macgregor macias macintosh mack mackay mackenzie
mackey maclean macleod macneil madden maddox madigan magee maguire maher mahon mahoney malloy malone maloney mancini
mancuso mangan manion mann manning mannion marchand marchetti marcotte mariani marino markey marks marquis marsh
marshall martel martin martinez mason massey masterson mathews mathieu mathis matthews maxwell may mayer maynard
mazza mcalister mcallister mcbride mccabe mccall mccann mccarthy mccarty mcclain mccloskey mcclure mcconnell
mccormick mccoy mccray mccue mccullough mcdaniel mcdermott mcdonald mcdonnell mcdonough mcdowell mcevoy mcfadden
mcfarland mcgann mcgarry mcgee mcgill mcginn mcgovern mcgowan mcgrath mcguire mchugh mcintosh mcintyre mckay mckee
mckenna mckenzie mckeon mckinney mckinnon mcknight mclaughlin mclean  mcmahon mcmanus mcmillan mcnally
mcnamara mcneil mcnulty mcpherson meagher medeiros medina meehan mehta mejia melanson melendez mello melton mendes
mendez mendoza mercado mercer mercier merrill merritt messier metcalf meyer meyers michaels michaud middleton miles
miller milligan mills minton mitchell molina molloy monahan monroe montgomery moody moon mooney moore mora morales
moran moreno moretti morgan moriarty morin morris morrison morrissey morrow morse morton mosley moss mueller mulcahy
muldoon mullen mulligan mullins mulvey munoz munro munroe murdock murphy murray murtagh myers nadeau nagle nakamura
napoli napolitano navarro neal neary nelligan nelson newcomb newman newton nguyen nicholas nichols nicholson
nickerson nielsen nieves nolan noonan norcross norman norris norton novak nowak nugent nunez o'brien o'connell
o'connor o'donnell o'neill oakes obrien ocallaghan ochoa oconnell oconnor odom odonnell odonoghue ogrady okeefe
oleary oliveira oliver olmstead olsen olson omalley oneal oneil oneill orourke ortega ortiz osborn osborne osullivan
ouellette owen owens pace pacheco padilla pagano palermo palmer palumbo papadopoulos paquette parisi park parker
parks parrish parsons pate patel patrick patterson patton paul payne pearce pearson pease pelletier pena pender
pennington perez perkins perreault perrone perry peters petersen peterson petrie pham phelan phelps phillips picard
pickett pinto piper pires pittman pitts poirier pollard pollock poole pope porter potter poulin powell powers pratt
prescott preston price proctor provost pruitt puckett pugh quigley quinlan quinn quintal rafferty rainey ramirez
ramos ramsay ramsey randall rankin rao raposo ratliff ray raymond reardon reddy reed reese reeves regan reid reilly
renaud reyes reynolds rhodes ricci rice richard richards richardson richmond riggs riley riordan rios ritchie rivas
rivera rizzo roach robbins roberge roberson roberts robertson robichaud robinson robles roche rodgers rodrigues
rodriguez rodriquez rogers rollins roman romano romero rooney rosales rose rosen rosenberg rosenthal ross rossi roth
rourke rowe rowland roy rubin ruggiero russell russo rutledge ryan ryder sabatini sacco salas salazar salerno salvi
sampson sanborn sanchez sanders sandoval santiago santoro santos sargent sato saunders savard sawyer scanlon
schaefer schmidt schneider schofield schroeder schultz schwartz scott scully seaver sexton shaffer shah shannon
shapiro sharma sharp sharpe shattuck shaughnessy shaw shea sheehan sheehy shelton shepard shepherd sheppard sheridan
sherman sherwin sherwood shields short silva silverman simard simmons simon simpson sims singh  skinner
slater slattery sloan sloane small smith smyth snider snow snyder soares solis solomon sorensen sosa soto soucy
souza sparks spellman spencer spinney stafford stanley stanton stark stearns steele stein steinberg stephens
stephenson stevens stevenson stewart stokes stone strickland stuart sullivan sutcliffe sutton suzuki swanson sweeney
sykes szymanski takahashi talbot talley tanaka tanner tardif tate taylor teixeira terrell terry testa thayer
theriault thibodeau thomas thompson thornton tierney tillman todd toomey torres townsend tracey tracy tran travis
tremblay trevino trudeau trujillo tucker tully turcotte turner twomey tyler tyrrell tyson underwood vaillancourt
valdez valente valentine valenzuela vance vargas vasquez vaughan vaughn vega velasquez velazquez velez vieira
villarreal vincent vinson vitale vu wade wagner wakefield walker wall wallace waller walsh walter walters walton
wang warner warren washington watanabe waterman waters watkins watson watts weaver webb weber webster weinstein
weiss welch wells welsh west whalen wheeler whelan whitaker whitcomb white whitehead whitfield whitley whitney
whittaker wiggins wilcox wilder wilkerson wilkins wilkinson willard williams williamson willis wilson winslow
winters wisniewski wojcik wolf wolfe wong wood woodard woods woodward wooten wright wu wyatt wynn yamamoto yang
yates yeager young zhang zielinski zimmerman zito
`.trim().split(/\s+/);
