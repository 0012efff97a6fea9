"""Common first names by usual gender, a general list used to guess pronoun agreement.

Names used for both (Jordan, Leslie, Shannon) are left out on purpose.
"""

from __future__ import annotations

from bot.extract.lexicon import words

MALE_FIRST_NAMES: frozenset[str] = words(
    """
    aaron abdul abdullah abe abraham adam adolfo adrian ahmad ahmed akira al alain alan
    albert alberto alejandro alex alexander alexei alfonso alfred alfredo ali allan allen
    alonzo alton alvin amos andre andres andrew andy angelo angus anthony antonio antony
    archie armando arnold arthur arturo ashraf august austin avery axel barack barney
    barry basil ben benito benjamin bennett benny bernard bernardo bernie bert bill billy
    blake bo bob bobby boris boyd brad bradley brandon brendan brent brett brian brock
    bruce bruno bryan bryce buck bud buddy burt byron cal calvin cameron carl carlos
    carlton carroll cary cecil cedric cesar chad charles charlie chester chet chris
    christian christopher chuck clarence clark claude clay clayton cliff clifford clifton
    clint clyde cody colby cole colin connor conor conrad corey cornelius cornell cory
    craig cristian cruz curtis cyrus dale dallas damian damon dan dane daniel danny darius
    darrell darren darryl dave david davis dean deandre delbert demetrius denis dennis
    denny derek derrick desmond devin dewey dexter dick diego dirk dmitri dmitry dominic
    dominick don donald donnie donovan doug douglas doyle drew duane dudley duncan dustin
    dwight dylan earl ed eddie eddy edgar edmund eduardo edward edwin eli elias elijah
    elliot elliott ellis elmer elton elvis emanuel emilio emmanuel emmett enrique eric
    erik ernest ernie errol ervin esteban ethan eugene evan everett ezra fabian federico
    felipe felix fernando floyd forrest francis francisco francois frank frankie franklin
    fred freddie frederick gabriel garrett garry gary gavin gene geoffrey george gerald
    gerard gerardo gil gilbert gino giorgio giovanni giuseppe glen glenn gordon grady
    graham grant greg gregg gregory guillermo gus guy hal hamid hamza hank hans harlan
    harold harrison harry harvey hassan hector helmut henry herbert herman hiroshi homer
    horace howard hubert hugh hugo humberto hussein hyun ian ibrahim ignacio ike ira
    irving isaac isaiah ismael israel ivan jack jackson jacob jacques jaime jake jamal
    jamar james jared jarrod jason javier jay jean-claude jeff jeffery jeffrey jerald
    jeremiah jeremy jermaine jerome jerry jess jesse jesus jim jimmy joaquin jody joe joel
    joey john johnnie johnny jon jonah jonathan jorge jose josef joseph josh joshua jovan
    juan judd jules julian julio julius jun junior jurgen justin kareem karl keenan keith
    kelvin ken kendall kendrick kenji kenneth kenny kent kermit kevin khalid kirby kirk
    klaus kofi kurt kyle lance lane larry lawrence leandro lee lenny leo leon leonard
    leroy les lester levi lewis li lincoln lindsey lionel lloyd lonnie lorenzo lou louis
    lowell lucas luigi luis luke luther lyle lyndon mack mahmoud malcolm manny manuel marc
    marcel marco marcus mario mark marlon marshall martin marty marvin mason mateo mathew
    matt matteo matthew maurice maverick max maxwell melvin merle micah michael miguel
    mike mikhail miles milo milton mitch mitchell mohammad mohammed morgan morris moses
    muhammad murray mustafa myron nathan nathaniel ned neil nelson nicholas nick nicolas
    nigel noah noel norbert norman oliver omar oscar otis otto owen pablo paolo pat
    patrick paul pedro percy perry pete peter phil philip phillip pierce pierre preston
    quentin quincy rafael ralph ramon randall randolph randy raul ray raymond reggie
    reginald rene reuben rex reynaldo ricardo rich richard richie rick ricky riley rob
    robert rocco rocky rod rodney rodolfo rodrigo rogelio roger roland roman ron ronald
    ronnie rory ross roy ruben rudy rufus rupert russ russell ryan salvador sam sammy
    samuel santiago saul scott scotty sean sebastian sergei sergey sergio seth shane shaun
    shawn sheldon sherman sid sidney silas simon sol solomon spencer stan stanley stephen
    sterling steve steven stewart stuart sylvester takeshi ted teddy terrence terry
    thaddeus theo theodore thomas thurman tim timothy toby todd tom tomas tommy tony
    travis trent trevor tristan troy ty tyler ulysses van vaughn vernon vicente victor
    viktor vince vincent virgil vladimir wade waldo wallace walter ward warren wayne wei
    wendell wes wesley wilbur wilfred will willard william willie willis wilson winston
    wolfgang woodrow wyatt xavier xi yuri yusuf zach zachary zack zane
    """
)

FEMALE_FIRST_NAMES: frozenset[str] = words(
    """
    abby abigail ada adriana agnes aileen aimee alana alberta alejandra alexa alexandria
    alexis alice alicia alina alisha alison allie allison alma alyssa amanda amber amelia
    amy ana anastasia andrea angela angelica angelina angie anita ann anna anne annette
    annie antoinette april arlene ashley audrey ava barb barbara beatrice becky belinda
    bernadette bernice bertha bessie beth betsy betty beverley beverly bianca billie
    blanche bobbie bonnie brandi brandy breanna brenda bridget britney brittany brooke
    camille candace candice cara carla carly carmen carol carole caroline carolyn carrie
    casey cassandra catherine cathy cecilia celia charlene charlotte chelsea cheryl chloe
    christa christina christine christy cindy claire clara clarissa claudia colleen connie
    constance cora corinne courtney crystal cynthia daisy dana daniela darlene dawn deanna
    debbie debora deborah debra delia della delores dena denise desiree diana diane dianna
    dianne dixie dolores donna dora doreen doris dorothy edith edna eileen elaine eleanor
    elena elise elizabeth ella ellen ellie eloise elsa elsie emilia emily emma erica erika
    erin erma estelle esther ethel eunice eva eve evelyn faith fannie felicia fiona flora
    florence frances francine freda gabriela gabrielle gail gayle geneva georgia geraldine
    gertrude gilda gina ginger gladys glenda gloria grace greta gretchen gwen gwendolyn
    hannah harriet hattie hazel heather heidi helen helena henrietta hilda hillary holly
    hope ida imogen ines inez ingrid irene irma isabel isabella iva ivy jacinda jackie
    jaclyn jacqueline jada jan jana jane janelle janet janice janie janine jasmine jean
    jeanette jeanine jeanne jeannie jen jenna jennifer jenny jessica jessie jewel jill
    jillian jo joan joann joanna joanne jocelyn jodi johanna jolene joni josefina
    josephine josie joy joyce juana juanita judith judy julia julianne julie juliet june
    justine kamala kara karen karina karla kate katherine kathleen kathryn kathy katie
    katrina kay kayla keisha kelli kelly kendra kerry kimberly kirsten kirstie krista
    kristen kristin kristina kristine lacey lana latoya laura lauren laverne leah leigh
    lela lena leona leticia lila lillian lily linda lindsay lisa liz lois lola lora lorena
    loretta lori lorraine louise lucia lucille lucy luisa luz lydia lynda lynn lynne mabel
    mackenzie madeleine madeline madison mae maggie mamie mara marcella marcia margaret
    margarita margie mari maria maribel marie marilyn marina marine marjorie marla marlene
    marsha marta martha martina mary maureen mavis maxine maya megan meghan melanie
    melinda melissa melody mercedes meredith mia michele michelle mildred millie mindy
    miranda miriam misty molly mona monica monique muriel myra myrtle nadia nancy nanette
    naomi natalie natasha nell nellie nettie nichole nicole nikki nina noelle nora norma
    olga olivia opal paige pam pamela patricia patsy patti patty paula pauline pearl peggy
    penelope penny phyllis polly priscilla rachael rachel ramona raquel rebecca regina
    renee rhoda rhonda rita roberta robin robyn rochelle rosa rose roxanne ruby ruth
    sabrina sadie sallie sally samantha sandra sandy sara sarah savannah selena serena
    shana shari sharon shawna sheila shelby shelley sherri sherry sheryl shirley silvia
    sofia sonia sonya sophia sophie stacey stacy stella stephanie sue summer susan susana
    susanna susie suzanne sylvia tabitha tamara tami tammy tania tanya tara tasha teresa
    terri thelma theresa tia tiffany tina tonya tracey traci tracy trisha trudy ursula
    valerie vanessa vera verna veronica vicki vickie victoria viola violet virginia vivian
    wanda wendy whitney willa wilma yolanda yvette yvonne zoe
    """
)
